/**
 * The Glue tables over AppStream's usage reports: their columns, in the order of the fields of the
 * reports (AppStream developer guide, "Sessions Report Fields" and "Applications Report Fields"),
 * and the folders AppStream writes them to:
 * `<bucket>/sessions/schedule=DAILY/year=YYYY/month=MM/day=DD/daily-session-report-YYYY-MM-DD.csv`
 * and `<bucket>/applications/schedule=DAILY/year=YYYY/month=MM/day=DD/`.
 *
 * The reports are CSV files with a header line, read by position (OpenCSVSerde). The order follows
 * the documented field list, and matches an independent parser of real reports (positions 0-29). A
 * column AppStream adds at the end is not seen until it is added here; one listed here that an older
 * report lacks reads as NULL. Timestamps are ISO 8601 text (OpenCSVSerde reads TIMESTAMP only as UNIX
 * time): query them with `from_iso8601_timestamp()`.
 */

/** One column: name and Hive type. */
export interface ReportColumn {
  readonly name: string;
  readonly type: 'string' | 'bigint';
}

const text = (name: string): ReportColumn => ({ name, type: 'string' });

/** Sessions report: one record per streaming session, in the report of the day the session ended. */
export const SESSIONS_REPORT_COLUMNS: readonly ReportColumn[] = [
  text('user_session_id'),
  text('aws_account_id'),
  text('region'),
  text('session_start_time'),
  text('session_end_time'),
  { name: 'session_duration_in_seconds', type: 'bigint' },
  text('user_id'),
  text('user_arn'),
  text('authentication_type'),
  text('authentication_type_user_id'),
  text('fleet_name'),
  text('stack_name'),
  text('instance_type'),
  text('eni_private_ip_address'),
  text('connected_at_least_once'),
  text('client_ip_addresses'),
  text('google_drive_enabled'),
  text('one_drive_enabled'),
  text('home_folders_storage_location'),
  text('user_settings_clipboard_copy_from_local_device'),
  text('user_settings_clipboard_copy_to_local_device'),
  text('user_settings_file_upload'),
  text('user_settings_file_download'),
  text('user_settings_printing_to_local_device'),
  text('application_settings_enabled'),
  text('domain_joined'),
  text('max_session_duration'),
  text('session_type'),
  text('stream_view'),
  text('streaming_experience_settings_protocol'),
  // Added later to the documented fields: reports written before them have no such columns (NULL).
  text('instance_id'),
  text('is_multisession'),
];

/** Applications report: one record per application launched in a session. */
export const APPLICATIONS_REPORT_COLUMNS: readonly ReportColumn[] = [
  text('user_session_id'),
  text('application_name'),
];

/** The partition keys, as the folder names give them (`schedule=DAILY/year=2026/month=01/day=31`). */
export const REPORT_PARTITION_KEYS: readonly ReportColumn[] = [text('schedule'), text('year'), text('month'), text('day')];

/** The two reports: table name and the folder of the bucket that holds them. */
export const USAGE_REPORT_TABLES = {
  sessions: { tableName: 'sessions', folder: 'sessions', columns: SESSIONS_REPORT_COLUMNS },
  applications: { tableName: 'applications', folder: 'applications', columns: APPLICATIONS_REPORT_COLUMNS },
} as const;

/**
 * Partition projection (Athena computes the partitions from these ranges: no crawler, no
 * `MSCK REPAIR TABLE`, and a report is queryable the moment AppStream writes it).
 */
export function partitionProjection(location: string): Record<string, string> {
  return {
    'projection.enabled': 'true',
    'projection.schedule.type': 'enum',
    'projection.schedule.values': 'DAILY',
    'projection.year.type': 'integer',
    'projection.year.range': '2019,2099',
    'projection.month.type': 'integer',
    'projection.month.range': '1,12',
    'projection.month.digits': '2',
    'projection.day.type': 'integer',
    'projection.day.range': '1,31',
    'projection.day.digits': '2',
    'storage.location.template': `${location}schedule=\${schedule}/year=\${year}/month=\${month}/day=\${day}/`,
  };
}

/** Glue `DatabaseInput.Name` as Athena accepts it: 1 to 255 lowercase letters, digits and underscores. */
export const DATABASE_NAME_RULE = { min: 1, max: 255, pattern: /^[a-z0-9_]+$/, patternDescription: 'lowercase letters, digits and "_" (Athena)' };

/** Athena `WorkGroupName`: `[a-zA-Z0-9._-]{1,128}`. */
export const WORK_GROUP_NAME_RULE = { min: 1, max: 128, pattern: /^[a-zA-Z0-9._-]+$/, patternDescription: 'letters, digits, ".", "_" and "-"' };
