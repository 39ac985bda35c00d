import { Type, type Static } from 'typebox';

// The catalogue exchange format (docs/catalog-format.md). The committed `docs/catalog.schema.json` is generated
// from this file by `opendvc export catalog-schema` and a test keeps the two equal.

const Text = (description: string, extra: object = {}) => Type.String({ minLength: 1, description, ...extra });
const IsoDate = (description: string) => Type.String({ format: 'date', description });

export const agencyCodePattern = '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}$';

export const AgencyKind = Type.Union(['province', 'department', 'serviceCentre', 'district', 'commune'].map((k) => Type.Literal(k)));
export const TimeUnit = Type.Union([Type.Literal('workingDays'), Type.Literal('calendarDays'), Type.Literal('workingHours')]);
export const ApplicantType = Type.Union([Type.Literal('citizen'), Type.Literal('business'), Type.Literal('organisation')]);
export const Channel = Type.Union([Type.Literal('counter'), Type.Literal('post'), Type.Literal('online')]);
export const OnlineLevel = Type.Union([Type.Literal('full'), Type.Literal('partial')]);
export const ProcedureLevel = Type.Union([Type.Literal('province'), Type.Literal('commune')]);

export const CatalogAgency = Type.Object({
  code: Text('Agency e-identifier (CODE-03), V1V2V3.Z1Z2.Y1Y2.MX1X2', { pattern: agencyCodePattern, maxLength: 35 }),
  name: Text('Full name'),
  nameEn: Type.Optional(Type.String()),
  shortName: Text('Short name shown in lists'),
  kind: AgencyKind,
  parentCode: Type.Union([Type.String({ pattern: agencyCodePattern }), Type.Null()]),
  address: Type.String(),
  phone: Type.String(),
  email: Type.String(),
  validFrom: IsoDate('First day the agency exists in this form'),
  validTo: Type.Union([IsoDate('Last day (inclusive), e.g. 2025-06-30 for abolished districts'), Type.Null()]),
}, { additionalProperties: false });

export const CatalogField = Type.Object({
  code: Text('Sector code (CODE-04), MX1X2-LV', { pattern: '^[A-Z][0-9]{2}-[A-Z0-9]{2,6}$' }),
  name: Text('Name of the sector (lĩnh vực)'),
  nameEn: Type.Optional(Type.String()),
}, { additionalProperties: false });

export const TimeLimit = Type.Object({
  value: Type.Number({ exclusiveMinimum: 0 }),
  unit: TimeUnit,
}, { additionalProperties: false });

export const Fee = Type.Object({
  code: Text('Fee code within the case'),
  name: Text('Name, e.g. "Lệ phí đăng ký cư trú"'),
  kind: Type.Union([Type.Literal('fee'), Type.Literal('charge')], { description: 'fee = phí, charge = lệ phí' }),
  amount: Type.Integer({ minimum: 0, description: 'VND' }),
  basis: Type.Union([Type.Literal('fixed'), Type.Literal('perCopy'), Type.Literal('officerSet')]),
  note: Type.String(),
}, { additionalProperties: false });

// The e-form of a procedure (issue 4 §3, FORM-02): a JSON Schema object the server validates the applicant's
// answers with, plus UI hints to render it as accessible, one-topic-per-page fields. Its schema is checked as a
// schema at import (validate-catalog-file.ts); properties are flat (strings, numbers, booleans, lists of choices).
export const EFormWidget = Type.Union([Type.Literal('text'), Type.Literal('textarea'), Type.Literal('radio'), Type.Literal('select'), Type.Literal('date'),
  Type.Literal('checkbox'), Type.Literal('checkboxes'), Type.Literal('number'), Type.Literal('email'), Type.Literal('tel')]);
export const PrefillSource = Type.Union([Type.Literal('profile.name'), Type.Literal('profile.personalId'), Type.Literal('profile.birthDate'),
  Type.Literal('profile.gender'), Type.Literal('profile.address'), Type.Literal('profile.phone'), Type.Literal('profile.email'),
  Type.Literal('profile.taxCode'), Type.Literal('profile.businessName'), Type.Literal('previous')], { description: 'Where the portal takes a value from before the applicant types (P-01)' });
export const EFormFieldHint = Type.Object({
  widget: Type.Optional(EFormWidget),
  help: Type.Optional(Type.String({ description: 'Hint shown under the label' })),
  prefill: Type.Optional(PrefillSource),
  enumTitles: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Labels of the enum values, in the same order' })),
  errorMessage: Type.Optional(Type.String({ description: 'Said instead of the generic message when the value fails its pattern or format' })),
}, { additionalProperties: false });
export const EFormPage = Type.Object({
  title: Text('Topic of the page'),
  fields: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'Property names, in order' }),
}, { additionalProperties: false });
export const EForm = Type.Object({
  schema: Type.Object({
    type: Type.Literal('object'),
    properties: Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }), Type.Object({ title: Text('Label of the field') }, { additionalProperties: true })),
    required: Type.Optional(Type.Array(Type.String())),
  }, { additionalProperties: true, description: 'JSON Schema (draft-07) of the answers; each property has a title' }),
  ui: Type.Object({
    pages: Type.Array(EFormPage, { minItems: 1, description: 'One topic per page; every property on exactly one page' }),
    fields: Type.Optional(Type.Record(Type.String(), EFormFieldHint)),
  }, { additionalProperties: false }),
}, { additionalProperties: false, description: 'The e-form of a procedure or of one case (issue 4 §3)' });

export const ProcedureCase = Type.Object({
  code: Text('Case code within the procedure'),
  name: Text('Name of the case (trường hợp)'),
  timeLimit: TimeLimit,
  onlineTimeLimit: Type.Optional(TimeLimit),
  fees: Type.Array(Fee),
  eForm: Type.Optional(EForm),
}, { additionalProperties: false });

export const BlankForm = Type.Object({
  title: Text('Title printed on the blank form'),
  legalRef: Type.String({ description: 'The legal text that prescribes the form' }),
  fields: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
}, { additionalProperties: false });

export const Component = Type.Object({
  code: Text('Component code within the procedure'),
  name: Text('Name of the dossier component'),
  originals: Type.Integer({ minimum: 0 }),
  copies: Type.Integer({ minimum: 0 }),
  required: Type.Boolean(),
  eForm: Type.Boolean({ description: 'Can be filled in online as an e-form' }),
  caseCodes: Type.Array(Type.String(), { description: 'Cases it applies to; empty = all' }),
  note: Type.String(),
  form: Type.Optional(BlankForm),
}, { additionalProperties: false });

export const Result = Type.Object({
  name: Text('Name of the result document'),
  form: Type.Union([Type.Literal('electronic'), Type.Literal('paper'), Type.Literal('both')]),
  source: Type.Optional(Type.Union([Type.Literal('template'), Type.Literal('upload')], {
    description: 'How the signed result is made (P-16): generated from the template with the dossier\'s data (default), or a PDF the agency drafts and uploads',
  })),
}, { additionalProperties: false });

export const LegalBasis = Type.Object({
  number: Text('Document number, e.g. 68/2020/QH14'),
  title: Text('Title'),
  issuer: Type.String(),
  issuedOn: IsoDate('Date of issue'),
}, { additionalProperties: false });

export const CatalogProcedure = Type.Object({
  code: Text('National procedure code (CODE-05)', { pattern: '^[0-9]\\.[0-9]{6}(\\.[0-9A-Z.]+)?$' }),
  name: Text('Name of the procedure'),
  nameEn: Type.Optional(Type.String()),
  fieldCode: Text('Sector code'),
  level: ProcedureLevel,
  implementingAgencyCodes: Type.Array(Type.String({ pattern: agencyCodePattern }), { uniqueItems: true, description: 'Executing agencies (IDX-1.3 part 7)' }),
  competentAuthority: Type.String(),
  applicantTypes: Type.Array(ApplicantType, { uniqueItems: true, description: 'IDX-1.3 part 6' }),
  sequence: Type.Array(Type.String({ minLength: 1 }), { description: 'Trình tự thực hiện (IDX-1.3 part 2)' }),
  channels: Type.Array(Channel, { uniqueItems: true, description: 'Cách thức thực hiện (IDX-1.3 part 3)' }),
  methodNotes: Type.String(),
  onlineLevel: OnlineLevel,
  partialReason: Type.Optional(Type.String({ description: 'Legal reason, required when onlineLevel is partial (P-03)' })),
  requirements: Type.Array(Type.String({ minLength: 1 })),
  cases: Type.Array(ProcedureCase, { description: 'Time limits per case (IDX-1.3 part 5)' }),
  components: Type.Array(Component, { description: 'Components and their count (IDX-1.3 part 4)' }),
  results: Type.Array(Result),
  legalBasis: Type.Array(LegalBasis),
  eForm: Type.Optional(EForm),
  publication: Type.Optional(Type.Object({ decisionNumber: Text('Decision number'), decisionDate: IsoDate('Decision date') }, { additionalProperties: false })),
  draft: Type.Optional(Type.Boolean({ description: 'Import as a draft version instead of publishing it' })),
}, { additionalProperties: false });

export const Synonym = Type.Object({
  term: Text('What people type, e.g. "hộ khẩu"'),
  expansions: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'Catalogue words it stands for' }),
}, { additionalProperties: false });

export const CatalogFile = Type.Object({
  $schema: Type.Optional(Type.String()),
  formatVersion: Type.Literal(1),
  agencies: Type.Array(CatalogAgency),
  fields: Type.Array(CatalogField),
  procedures: Type.Array(CatalogProcedure),
  synonyms: Type.Optional(Type.Array(Synonym)),
}, { additionalProperties: false, $id: 'https://opendvc.vn/schemas/catalog-v1.json', title: 'OpenDVC catalogue file, format 1' });

export type CatalogFile = Static<typeof CatalogFile>;
export type CatalogAgency = Static<typeof CatalogAgency>;
export type CatalogField = Static<typeof CatalogField>;
export type CatalogProcedure = Static<typeof CatalogProcedure>;
export type ProcedureCase = Static<typeof ProcedureCase>;
export type TimeLimit = Static<typeof TimeLimit>;
export type Synonym = Static<typeof Synonym>;
export type EForm = Static<typeof EForm>;
export type EFormFieldHint = Static<typeof EFormFieldHint>;
