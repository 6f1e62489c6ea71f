// CTIM vocabularies the emulator checks input against (api-contract.md §5, §6).

export const CTIM_OBSERVABLE_TYPES = new Set([
  'ip', 'ipv6', 'domain', 'url', 'email', 'email_messageid', 'email_subject', 'sha256', 'sha1', 'md5', 'file_name',
  'file_path', 'mac_address', 'hostname', 'device', 'user', 'user_agent', 'mutex', 'process_name', 'process_path',
  'process_hash', 'process_args', 'process_uid', 'process_username', 'registry_key', 'registry_name', 'registry_path',
  'certificate_common_name', 'certificate_issuer', 'certificate_serial', 'pki_serial', 'serial_number', 'processor_id',
  'imei', 'imsi', 'amp_computer_guid', 'acudid', 'cisco_mid', 'cisco_cm_id', 'cisco_uc_id', 'cvm_id', 'ngfw_id',
  'ngfw_name', 'odns_identity', 'odns_identity_label', 'orbital_node_id', 'secure_access_id', 'swc_device_id',
  'meraki_network_id', 'meraki_node_sn', 'meraki_org_id', 'crowdstrike_id', 'cybereason_id', 'cortex_agent_id',
  'darktrace_id', 's1_agent_id', 'trend_micro_id', 'ms_machine_id', 'intune_id', 'jamf_management_id',
  'google_chromebook_id', 'google_cloud_id', 'service_now_id',
]); // prettier-ignore

export const TLPS = ['red', 'amber', 'green', 'white'] as const;

export const INCIDENT_STATUSES = [
  'New', 'New: Processing', 'New: Presented', 'Open', 'Open: Investigating', 'Open: Reported', 'Open: Contained',
  'Open: Recovered', 'Hold', 'Hold: Internal', 'Hold: External', 'Hold: Legal', 'Stalled', 'Containment Achieved',
  'Restoration Achieved', 'Incident Reported', 'Closed', 'Closed: Under Review', 'Closed: Confirmed Threat',
  'Closed: Suspected', 'Closed: False Positive', 'Closed: Near-Miss', 'Closed: Merged', 'Closed: Other', 'Rejected',
] as const; // prettier-ignore

export const CONFIDENCES = ['Info', 'Low', 'Medium', 'High', 'None', 'Unknown'] as const;
export const SEVERITIES = ['Info', 'Low', 'Medium', 'High', 'Critical', 'None', 'Unknown'] as const;
