import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { acceptAttribute, describeUploadPolicy, documentUploadPolicy, formatFileSize, officeUploadPolicy } from './upload-policy.ts';

describe('upload policy shown to people (P-04)', () => {
  it('describes the kinds and the limit the server enforces, in Vietnamese and English', () => {
    assert.equal(describeUploadPolicy(documentUploadPolicy, 'vi'), 'PDF, JPG, PNG; tối đa 10 MB');
    assert.equal(describeUploadPolicy(documentUploadPolicy, 'en'), 'PDF, JPG, PNG; up to 10 MB');
    assert.equal(describeUploadPolicy({ kinds: ['pdf'], maxBytes: 2.5 * 1024 * 1024 }, 'vi'), 'PDF; tối đa 2,5 MB');
    assert.equal(describeUploadPolicy({ kinds: ['pdf'], maxBytes: 2.5 * 1024 * 1024 }, 'en'), 'PDF; up to 2.5 MB');
    assert.equal(describeUploadPolicy(officeUploadPolicy, 'vi'), 'PDF, JPG, PNG, DOCX, XLSX; tối đa 10 MB');
  });

  it('formats sizes below a megabyte too', () => {
    assert.equal(formatFileSize(512, 'vi'), '512 B');
    assert.equal(formatFileSize(300 * 1024, 'vi'), '300 KB');
  });

  it('gives the browser picker a hint from the same policy', () => {
    assert.equal(acceptAttribute(documentUploadPolicy), '.pdf,application/pdf,.jpg,.jpeg,image/jpeg,.png,image/png');
  });
});
