import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CatalogFile } from '../catalog/catalog-file-schema.ts';
import { checkEForm, deriveEForm, resolveEForm, type EForm } from '../catalog/e-form.ts';
import type { ApplicantDescription } from '../identity/describe-applicant.ts';
import { answerText, currentAnswers, firstIncompletePage, prefillAnswers, prefilledValues, readPostedAnswers, validateAnswers } from './e-form-answers.ts';

// Issue 4 §3, FORM-02, P-01: e-forms as JSON Schema + UI hints, checked, derived, validated and prefilled.
const catalog = JSON.parse(readFileSync(new URL('../../../seed/catalog.json', import.meta.url), 'utf8')) as CatalogFile;
const procedure = (code: string) => catalog.procedures.find((p) => p.code === code)!;
const residence = resolveEForm(procedure('1.004222'), 'TH1');

const applicant: ApplicantDescription = {
  kind: 'citizen', name: 'Nguyễn Văn An', email: 'an.nguyen@demo.hoabinhxanh.vn', phone: '0912345678',
  attributes: {
    personalId: { value: '017090012345', verified: true, source: 'CSDL quốc gia về dân cư', recordedAt: new Date('2026-01-02T03:00:00Z') },
    fullName: { value: 'Nguyễn Văn An', verified: false, source: 'declared' },
    gender: { value: 'male', verified: false, source: 'declared' },
  },
};

describe('e-forms of procedures (FORM-02)', () => {
  it('uses the explicit e-form of residence registration, and every seeded e-form passes the import checks', () => {
    assert.deepEqual(residence.ui.pages.map((p) => p.title), ['Thông tin người đề nghị', 'Thông tin chủ hộ', 'Nội dung đề nghị']);
    for (const p of catalog.procedures) if (p.eForm) assert.deepEqual(checkEForm(p.eForm, 'vi', ''), [], p.code);
    assert.ok(['1.004222', '1.001193', '2.000488', '1.001612'].every((code) => procedure(code).eForm), 'four explicit e-forms');
  });

  it('derives a plain e-form from the blank form labels where none is given, prefilling what is about the applicant', () => {
    const derived = deriveEForm(procedure('1.004194'), 'TH1');
    const properties = derived.schema.properties as Record<string, { title: string }>;
    assert.equal(properties['TP1_2']!.title, 'Họ, chữ đệm và tên');
    assert.equal(derived.ui.fields!['TP1_2']!.prefill, 'profile.name');
    assert.equal(derived.ui.fields!['TP1_5']!.prefill, 'profile.personalId');
    assert.deepEqual(derived.schema.required ?? [], []);
    assert.ok(derived.ui.pages.every((p) => p.fields.length <= 6));
    assert.deepEqual(checkEForm(derived, 'vi', ''), []);
    const bare = deriveEForm({ ...procedure('2.000815') }, 'TH1');
    assert.deepEqual(Object.keys(bare.schema.properties), ['request'], 'a procedure without a blank form still gets one field');
  });

  it('refuses at import an e-form whose schema does not compile, or whose pages and hints disagree with it', () => {
    const broken = {
      schema: { type: 'object', properties: { a: { title: 'A', type: 'string', pattern: '(' }, b: { title: 'B', type: 'object' }, c: { title: 'C', type: 'string', enum: ['x'] } } },
      ui: { pages: [{ title: 'P', fields: ['a', 'a', 'zz'] }], fields: { c: { enumTitles: ['X', 'Y'] }, ghost: {} } },
    } as unknown as EForm;
    const paths = checkEForm(broken, 'vi', '/procedures/0/eForm').map((e) => e.path).sort();
    assert.deepEqual(paths, [
      '/procedures/0/eForm/schema', '/procedures/0/eForm/schema/properties/b', '/procedures/0/eForm/schema/properties/b', '/procedures/0/eForm/schema/properties/c',
      '/procedures/0/eForm/ui/fields/c/enumTitles', '/procedures/0/eForm/ui/fields/ghost', '/procedures/0/eForm/ui/pages/0/fields/1', '/procedures/0/eForm/ui/pages/0/fields/2',
    ].sort());
  });
});

describe('answers to an e-form (issue 4 §3)', () => {
  it('reads a posted page as typed values and validates it with a message per field', () => {
    const answers = readPostedAnswers(residence, { fullName: '  Nguyễn Văn An ', personalId: '01709', phone: '', email: 'not-an-email', sex: 'male', other: 'x' }, residence.ui.pages[0]!.fields);
    assert.deepEqual(answers, { fullName: 'Nguyễn Văn An', personalId: '01709', email: 'not-an-email', sex: 'male' });
    const errors = validateAnswers(residence, answers, 'vi', residence.ui.pages[0]!.fields);
    assert.deepEqual(errors.map((e) => e.path).sort(), ['/birthDate', '/email', '/personalId', '/phone']);
    assert.equal(errors.find((e) => e.path === '/personalId')!.message, 'Số định danh cá nhân gồm đúng 12 chữ số, in trên thẻ căn cước.');
    assert.equal(errors.find((e) => e.path === '/phone')!.message, 'Trường này là bắt buộc.');
    assert.match(validateAnswers(residence, answers, 'en', ['birthDate'])[0]!.message, /required/);
    const judicial = resolveEForm(procedure('2.000488'), 'TH1');
    assert.deepEqual(readPostedAnswers(judicial, { copies: '3' }, ['copies']), { copies: 3 });
    assert.deepEqual(validateAnswers(judicial, readPostedAnswers(judicial, { copies: 'ba' }, ['copies']), 'vi', ['copies']).map((e) => e.path), ['/copies']);
  });

  it('prefills from the profile with the source (verified ones locked) and from the latest earlier dossier', () => {
    const prefill = prefillAnswers(residence, applicant, { reference: '000.41.30.H99-260102-0001', formData: { householdHeadName: 'Nguyễn Văn Bình', relationToHead: 'Con' } });
    assert.deepEqual(prefill['personalId'], { value: '017090012345', source: { kind: 'verified', source: 'CSDL quốc gia về dân cư', at: new Date('2026-01-02T03:00:00Z') } });
    assert.deepEqual(prefill['fullName'], { value: 'Nguyễn Văn An', source: { kind: 'declared' } });
    assert.deepEqual(prefill['phone'], { value: '0912345678', source: { kind: 'declared' } });
    assert.deepEqual(prefill['householdHeadName'], { value: 'Nguyễn Văn Bình', source: { kind: 'previous', reference: '000.41.30.H99-260102-0001' } });
    assert.equal(prefill['householdHeadId'], undefined, 'nothing earlier, nothing offered');
    // The applicant's own change (or clearing) wins over a declared value; never over a verified one.
    const answers = currentAnswers({ fullName: 'Nguyễn Văn Ân', personalId: '999999999999' }, prefill);
    assert.equal(answers['fullName'], 'Nguyễn Văn Ân');
    assert.equal(answers['personalId'], '017090012345');
  });

  it('finds the first page with missing data, and shows answers in words', () => {
    const prefill = prefillAnswers(residence, applicant);
    const answers = currentAnswers({ ...prefilledValues(prefill), birthDate: '1990-03-15' }, prefill);
    assert.equal(firstIncompletePage(residence, answers, 'vi'), 1);
    assert.equal(firstIncompletePage(residence, { ...answers, householdHeadName: 'A', relationToHead: 'Chủ hộ', householdHeadId: '017090012345' }, 'vi'), 2);
    assert.equal(answerText(residence, 'sex', 'female', 'vi'), 'Nữ');
    assert.equal(answerText(residence, 'birthDate', '1990-03-15', 'vi'), '15/03/1990');
  });
});
