import type { NoticeBase, NoticeDossier } from './notice-input.ts';

// Test data shared by the notices' tests: a demo dossier of Hòa Lâm ward, received Thursday 05/03/2026 08:30.
export const receivedAt = new Date('2026-03-05T01:30:00Z');
export const dueAt = new Date('2026-03-10T01:30:00Z');
export const publicUrl = 'https://dichvucong.hoabinhxanh.gov.vn';

export const base: NoticeBase = {
  issuer: { parentAgencyName: 'UBND thị xã Hòa Bình Xanh', agencyName: 'UBND phường Hòa Lâm', unitName: 'Bộ phận một cửa UBND phường Hòa Lâm', place: 'Hòa Lâm' },
  issuedAt: receivedAt,
};

export const dossier: NoticeDossier & { code: string } = {
  code: '000.00.02.H99-260305-0001', reference: 'HS-7F3K2Q', procedureName: 'Đăng ký khai sinh', procedureCode: '1.001193',
  caseName: 'Đăng ký khai sinh đúng hạn',
  applicant: {
    kind: 'citizen', name: 'Nguyễn Văn An', personalId: '001090012345', address: 'Số 12 đường Lê Lợi, phường Hòa Lâm, thị xã Hòa Bình Xanh',
    phone: '0912345678', email: 'an.nguyen@demo.hoabinhxanh.vn',
  },
};
