/** Seller settings: schema, defaults and versioned migrations. */
export * from './schema';
export { migrateSettings, migrateSettingsReport, migrateV1toV2, migrateV2toV3, migrateV3toV4, type MigrationReport } from './migrate';
