/** A login in flight between the redirect to the identity provider and its callback (migration 0005). */
export interface OidcLoginTable {
  key_hash: string;
  provider: 'citizen' | 'officer';
  state: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  return_to: string | null;
  link_account_id: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface OidcTables {
  oidc_login: OidcLoginTable;
}
