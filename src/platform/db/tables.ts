import type { CatalogTables } from '../../modules/catalog/tables.ts';
import type { AuditTables } from '../audit/tables.ts';
import type { IdentityTables } from '../../modules/identity/tables.ts';
import type { RegistrationTables } from '../../modules/identity/registration/tables.ts';
import type { OutboxTables } from '../outbox/tables.ts';
import type { CalendarTables } from '../../modules/workflow/calendar/tables.ts';
import type { DossierTables } from '../../modules/dossiers/tables.ts';
import type { OidcTables } from '../../modules/identity/oidc/tables.ts';
import type { ApiClientTables } from '../../modules/identity/api-clients/tables.ts';
import type { AnalyticsTables } from '../analytics/tables.ts';
import type { FileTables } from '../files/tables.ts';
import type { ProcessTables } from '../../modules/workflow/process/tables.ts';
import type { AbsenceTables } from '../../modules/dossiers/absence-tables.ts';
import type { NotificationTables } from '../../modules/notifications/tables.ts';
import type { PaymentTables } from '../../modules/payments/tables.ts';
import type { ResultTables } from '../../modules/results/tables.ts';
import type { PostalTables } from '../../modules/postal/tables.ts';

/** Every table, for Kysely's typing. Each module declares its own tables and owns their SQL. */
export type Database = CatalogTables & AuditTables & IdentityTables & RegistrationTables & OutboxTables & CalendarTables & DossierTables
  & OidcTables & ApiClientTables & AnalyticsTables & FileTables & ProcessTables
  & AbsenceTables & NotificationTables & PaymentTables & ResultTables & PostalTables;
