/** The portal's identity (OTHER-04), stored as the `site` portal setting and edited by the province. */
export interface SiteInfo {
  portalName: string;
  portalNameEn: string;
  ownerName: string;
  ownerNameEn: string;
  responsible: string;
  address: string;
  phone: string;
  hotline: string;
  email: string;
}

export const defaultSite: SiteInfo = {
  portalName: 'Cổng Dịch vụ công',
  portalNameEn: 'Public Service Portal',
  ownerName: 'Cơ quan chủ quản chưa được cấu hình',
  ownerNameEn: 'Owner not configured',
  responsible: '',
  address: '',
  phone: '',
  hotline: '',
  email: '',
};
