// Every shipped consistency check: it fires on a crafted contradiction and stays silent on a consistent answer set.
import { describe, expect, it } from 'vitest';
import { compileChecks, runChecks } from '../../src/core/checks';
import type { Industry } from '../../src/core/types';
import { mustAnswers, questionnaire, read, shape, src } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const checksSrc = src(read('questionnaires/checks/default.yaml'), 'default.yaml');
const compiled = compileChecks(checksSrc, q);
const set = compiled.checks!;

type Answers = Record<string, unknown>;
interface Case {
  industry?: Industry;
  /** The respondent's sector code (GB/T 4754), where the check reads it. */
  sector?: string;
  /** One or more answer sets that contradict each other. */
  fires: Answers | Answers[];
  /** A consistent answer set close to the first contradiction. */
  clean: Answers;
}

const sys = { has_erp: true, has_mes: true };
const noSystems = { has_mes: false, has_wms: false, has_plm: false, has_qms: false, has_crm: false, has_srm: false };

const CASES: Record<string, Case> = {
  'equipment-level-vs-cnc-rate': {
    fires: { equipment_level: 'key_digital', key_processes_total: 12, key_processes_cnc: 5 },
    clean: { equipment_level: 'key_digital', key_processes_total: 12, key_processes_cnc: 7 },
  },
  'nc-programs-over-network-vs-none-networked': {
    fires: { req_nc_program_management: 'mostly', cnc_machines_count: 3, cnc_machines_networked: 0 },
    clean: { req_nc_program_management: 'mostly', cnc_machines_count: 3, cnc_machines_networked: 2 },
  },
  'budget-amount-outside-band': {
    fires: { retrofit_budget_band: 'under_1m', retrofit_budget_amount: 150 },
    clean: { retrofit_budget_band: 'under_1m', retrofit_budget_amount: 60 },
  },
  'robot-welding-vs-manual-welding-key-process': {
    fires: { robots_count: 2, robot_applications: ['welding', 'machine_tending'], key_processes_total: 4, key_processes_cnc: 1, key_processes_list: '缸体焊接（手工焊）；油缸装配（人工）' },
    // the list says which welds the robots make
    clean: { robots_count: 2, robot_applications: ['welding', 'machine_tending'], key_processes_total: 4, key_processes_cnc: 1, key_processes_list: '缸体焊接（环缝由焊接机器人焊，接管手工焊）；油缸装配（人工）' },
  },
  'process-design-level-vs-planning-system': {
    fires: { process_design_level: 'system', req_process_planning_system: 'none' },
    clean: { process_design_level: 'system', req_process_planning_system: 'mostly' },
  },
  'equipment-level-vs-digitisation-rate': {
    fires: { equipment_level: 'key_digital', equipment_total: 100, equipment_digital: 20 },
    clean: { equipment_level: 'key_digital', equipment_total: 100, equipment_digital: 60 },
  },
  'equipment-level-vs-networking-rate': {
    fires: { equipment_level: 'connected', equipment_total: 100, equipment_digital: 60, equipment_networked: 20 },
    clean: { equipment_level: 'connected', equipment_total: 100, equipment_digital: 60, equipment_networked: 40 },
  },
  'network-level-1-vs-no-workshop-network-plan': {
    fires: { network_level: 'basic', req_workshop_network_plan: 'none' },
    clean: { network_level: 'basic', req_workshop_network_plan: 'partial' },
  },
  'network-level-1-vs-networked-equipment': {
    fires: { network_level: 'basic', equipment_total: 100, equipment_digital: 60, equipment_networked: 30 },
    clean: { network_level: 'basic', equipment_total: 100, equipment_digital: 60, equipment_networked: 10 },
  },
  'network-level-0-vs-workshop-use': {
    fires: { network_level: 'none', has_5g_wireless: false, equipment_total: 50, equipment_digital: 10, equipment_networked: 4 },
    // (wireless alone is the next check's: this one's message names the networked machines only)
    clean: { network_level: 'none', has_5g_wireless: true, equipment_total: 50, equipment_digital: 10, equipment_networked: 0 },
  },
  'network-level-0-vs-workshop-wireless': {
    fires: { network_level: 'none', has_5g_wireless: true, equipment_total: 50, equipment_digital: 10, equipment_networked: 0 },
    clean: { network_level: 'none', has_5g_wireless: false, equipment_total: 50, equipment_digital: 10, equipment_networked: 4 },
  },
  'network-level-vs-no-networked-equipment': {
    fires: { network_level: 'workshop', equipment_total: 50, equipment_digital: 10, equipment_networked: 0 },
    clean: { network_level: 'workshop', equipment_total: 50, equipment_digital: 10, equipment_networked: 5 },
  },
  'cnc-networked-within-cnc-machines': {
    fires: { cnc_machines_count: 10, cnc_machines_networked: 12 },
    clean: { cnc_machines_count: 10, cnc_machines_networked: 8 },
  },
  'cnc-and-robots-vs-digital-equipment': {
    fires: { cnc_machines_count: 40, robots_count: 4, equipment_total: 120, equipment_digital: 30 },
    clean: { cnc_machines_count: 40, robots_count: 4, equipment_total: 120, equipment_digital: 70 },
  },
  'cnc-key-processes-without-cnc-equipment': {
    fires: { key_processes_total: 10, key_processes_cnc: 3, cnc_machines_count: 0, robots_count: 0 },
    clean: { key_processes_total: 10, key_processes_cnc: 3, cnc_machines_count: 5, robots_count: 0 },
  },
  'process-automation-without-control-systems': {
    industry: 'process',
    fires: { key_processes_total: 10, key_processes_cnc: 6, plc_cells_count: 0, dcs_units_count: 0 },
    clean: { key_processes_total: 10, key_processes_cnc: 6, plc_cells_count: 3, dcs_units_count: 0 },
  },
  'continuous-process-without-control-units': {
    industry: 'process',
    fires: { has_continuous_process: true, dcs_units_count: 0, plc_cells_count: 0 },
    clean: { has_continuous_process: true, dcs_units_count: 2, plc_cells_count: 0 },
  },
  'apc-without-dcs': {
    industry: 'process',
    fires: { has_continuous_process: true, req_apc: 'partial', dcs_units_count: 0 },
    clean: { has_continuous_process: true, req_apc: 'partial', dcs_units_count: 2 },
  },
  'control-loops-without-control-systems': {
    industry: 'process',
    fires: [{ req_process_instrumentation: 'mostly', dcs_units_count: 0, plc_cells_count: 0 }, { req_control_loops_auto: 'partial', dcs_units_count: 0, plc_cells_count: 0 }],
    clean: { req_process_instrumentation: 'mostly', dcs_units_count: 0, plc_cells_count: 4 },
  },
  'robot-stations-without-robots': {
    fires: { req_robot_key_stations: 'full', robots_count: 0, plc_cells_count: 0 },
    clean: { req_robot_key_stations: 'full', robots_count: 2, plc_cells_count: 0, equipment_total: 20, equipment_digital: 5 },
  },
  'no-interfaces-vs-connected-equipment': {
    fires: { fieldbus_protocols: ['none'], equipment_total: 50, equipment_digital: 20, equipment_networked: 5 },
    // no machine networked agrees with "no interfaces"
    clean: { fieldbus_protocols: ['none'], equipment_total: 50, equipment_digital: 20, equipment_networked: 0 },
  },
  'no-interfaces-vs-key-equipment-interfaces': {
    fires: [
      { fieldbus_protocols: ['none'], req_key_equipment_interfaces: 'partial' },
      { fieldbus_protocols: ['none'], req_key_equipment_interfaces: 'partial', equipment_total: 50, equipment_digital: 20, equipment_networked: 0 },
    ],
    // networked machines: the other check says it, once
    clean: { fieldbus_protocols: ['none'], req_key_equipment_interfaces: 'partial', equipment_total: 50, equipment_digital: 20, equipment_networked: 5 },
  },
  'networked-equipment-without-collecting-system': {
    fires: [
      { equipment_total: 50, equipment_digital: 20, equipment_networked: 5, has_scada: false, has_mes: false, uses_iip_platform: false },
      { req_equipment_data_collection: 'partial', has_scada: false, has_mes: false, uses_iip_platform: false },
    ],
    clean: { equipment_total: 50, equipment_digital: 20, equipment_networked: 5, has_scada: true, has_mes: false, uses_iip_platform: false },
  },
  'oee-without-networked-equipment': {
    fires: { req_oee: 'full', equipment_total: 50, equipment_digital: 20, equipment_networked: 0 },
    clean: { req_oee: 'full', equipment_total: 50, equipment_digital: 20, equipment_networked: 10 },
  },
  'oee-unknown-vs-equipment-management-level': {
    fires: { equipment_management_level: 'condition_oee', kpi_oee: 'unknown' },
    clean: { equipment_management_level: 'condition_oee', kpi_oee: 0.62 },
  },
  'plm-vs-product-design-level': {
    fires: { has_plm: false, product_design_level: 'pdm' },
    clean: { has_plm: true, product_design_level: 'pdm' },
  },
  'design-tools-vs-has-plm': {
    fires: [{ design_tools: ['cad3d', 'pdm'], has_plm: false }, { design_tools: ['cad2d'], has_plm: true }],
    clean: { design_tools: ['cad3d', 'pdm'], has_plm: true },
  },
  'mes-vs-operations-level': {
    fires: { has_mes: false, production_operations_level: 'integrated' },
    clean: { has_mes: false, production_operations_level: 'system' },
  },
  'mes-coverage-vs-operations-level': {
    fires: { has_mes: true, mes_coverage: 0.3, production_operations_level: 'integrated' },
    clean: { has_mes: true, mes_coverage: 0.7, production_operations_level: 'integrated' },
  },
  'qms-vs-quality-level': {
    fires: { has_qms: false, quality_level: 'system' },
    clean: { has_qms: true, quality_level: 'system' },
  },
  'quality-module-vs-has-qms': {
    fires: [{ has_qms: false, has_mes: true, mes_modules: ['work_orders', 'quality'] }, { has_qms: false, has_erp: true, erp_modules: ['finance', 'quality'] }],
    clean: { has_qms: false, has_mes: true, mes_modules: ['work_orders'] },
  },
  'wms-vs-warehousing-level': {
    fires: { has_wms: false, warehousing_level: 'production_linked' },
    clean: { has_wms: false, warehousing_level: 'system' },
  },
  'ems-vs-energy-level': {
    fires: { has_ems: false, energy_management_level: 'system' },
    clean: { has_ems: false, energy_management_level: 'manual' },
  },
  'platform-energy-vs-has-ems': {
    fires: { has_ems: false, uses_iip_platform: true, iip_platform_uses: ['energy'] },
    clean: { has_ems: true, uses_iip_platform: true, iip_platform_uses: ['energy'] },
  },
  'aps-vs-planning-level': {
    fires: { has_aps: false, planning_scheduling_level: 'optimised' },
    clean: { has_aps: false, planning_scheduling_level: 'closed_loop' },
  },
  'erp-vs-management-levels': {
    fires: [{ has_erp: false, procurement_level: 'integrated' }, { has_erp: false, sales_level: 'integrated' }],
    clean: { has_erp: false, procurement_level: 'system', sales_level: 'system' },
  },
  'srm-vs-procurement-level': {
    fires: { has_srm: false, procurement_level: 'integrated' },
    clean: { has_srm: true, procurement_level: 'integrated' },
  },
  'srm-vs-supplier-portal': {
    fires: { has_srm: false, req_supplier_portal: 'partial' },
    clean: { has_srm: false, req_supplier_portal: 'none' },
  },
  'crm-vs-customer-service-level': {
    fires: { has_crm: false, customer_service_level: 'closed_loop' },
    clean: { has_crm: false, customer_service_level: 'system' },
  },
  'mrp-requirement-vs-erp-modules': {
    fires: { has_erp: true, erp_modules: ['finance', 'purchasing'], req_procurement_mrp: 'mostly' },
    clean: { has_erp: true, erp_modules: ['finance', 'purchasing', 'mrp'], req_procurement_mrp: 'mostly' },
  },
  'design-tools-vs-digital-designers': {
    fires: [{ design_tools: ['none'], designers_total: 10, designers_digital: 4 }, { design_tools: ['cad2d'], designers_total: 10, designers_digital: 0 }],
    clean: { design_tools: ['none'], designers_total: 10, designers_digital: 0 },
  },
  '3d-design-vs-design-tools': {
    fires: { design_tools: ['cad2d'], req_3d_design: 'mostly' },
    clean: { design_tools: ['cad2d', 'cad3d'], req_3d_design: 'mostly' },
  },
  'cae-verification-vs-design-tools': {
    fires: { design_tools: ['cad3d'], req_cae_verification: 'partial' },
    clean: { design_tools: ['cad3d', 'cae'], req_cae_verification: 'partial' },
  },
  'nc-programs-vs-cam': {
    fires: { design_tools: ['cad3d'], req_nc_program_management: 'full' },
    clean: { design_tools: ['cad3d', 'cam'], req_nc_program_management: 'full' },
  },
  'no-designers-vs-design-level': {
    fires: { designers_total: 0, product_design_level: 'cad_aided' },
    clean: { designers_total: 0, product_design_level: 'n/a' },
  },
  'development-cycle-vs-design-na': {
    fires: [{ product_design_level: 'n/a', kpi_development_cycle_days: 90 }, { product_design_level: 'pdm', kpi_development_cycle_days: 'n/a' }],
    clean: { product_design_level: 'n/a', kpi_development_cycle_days: 'n/a' },
  },
  'engineer-to-order-without-design': {
    fires: { production_mode: 'engineer_to_order', product_design_level: 'n/a' },
    clean: { production_mode: 'engineer_to_order', product_design_level: 'pdm' },
  },
  'erp-mes-interfaces-disagree': {
    fires: { ...sys, erp_interfaces: ['mes'], mes_interfaces: ['scada'] },
    clean: { ...sys, erp_interfaces: ['mes'], mes_interfaces: ['erp', 'scada'] },
  },
  'erp-plm-interfaces-disagree': {
    fires: { has_erp: true, has_plm: true, erp_interfaces: ['none'], plm_interfaces: ['erp'] },
    clean: { has_erp: true, has_plm: true, erp_interfaces: ['plm'], plm_interfaces: ['erp'] },
  },
  'erp-wms-interfaces-disagree': {
    fires: { has_erp: true, has_wms: true, erp_interfaces: ['wms'], wms_interfaces: ['none'] },
    clean: { has_erp: true, has_wms: true, erp_interfaces: ['wms'], wms_interfaces: ['erp'] },
  },
  'mes-scada-interfaces-disagree': {
    fires: { has_mes: true, has_scada: true, mes_interfaces: ['erp'], scada_interfaces: ['mes'] },
    clean: { has_mes: true, has_scada: true, mes_interfaces: ['erp', 'scada'], scada_interfaces: ['mes'] },
  },
  'erp-interface-to-absent-system': {
    fires: [{ has_erp: true, erp_interfaces: ['wms'], has_wms: false }, { has_erp: true, erp_interfaces: ['finance', 'crm'], has_crm: false }],
    clean: { has_erp: true, erp_interfaces: ['wms'], has_wms: true },
  },
  'workshop-network-planned-vs-requirement': {
    fires: [{ network_level: 'basic', req_workshop_network: 'mostly' }, { network_level: 'none', req_workshop_network: 'full' }],
    clean: { network_level: 'workshop', req_workshop_network: 'mostly' },
  },
  'workshop-network-requirement-vs-no-networked-equipment': {
    fires: { req_workshop_network: 'mostly', equipment_total: 150, equipment_digital: 70, equipment_networked: 0 },
    clean: { req_workshop_network: 'mostly', equipment_total: 150, equipment_digital: 70, equipment_networked: 40 },
  },
  'network-planned-vs-wireless-production': {
    fires: { network_level: 'basic', has_5g_wireless: true },
    clean: { network_level: 'basic', has_5g_wireless: false },
  },
  'equipment-level-vs-no-automated-equipment': {
    fires: { equipment_level: 'key_digital', cnc_machines_count: 0, robots_count: 0, plc_cells_count: 0 },
    clean: { equipment_level: 'key_digital', cnc_machines_count: 0, robots_count: 0, plc_cells_count: 6 },
  },
  'nc-programs-without-cnc-machines': {
    fires: { req_nc_program_management: 'mostly', cnc_machines_count: 0 },
    clean: { req_nc_program_management: 'mostly', cnc_machines_count: 12, cnc_machines_networked: 10 },
  },
  'work-order-system-without-mes-erp': {
    fires: { req_work_order_reporting_system: 'mostly', has_mes: false, has_erp: false },
    clean: { req_work_order_reporting_system: 'mostly', has_mes: false, has_erp: true },
  },
  'quality-records-system-vs-has-qms': {
    fires: { req_quality_records_system: 'full', has_qms: false },
    clean: { req_quality_records_system: 'partial', has_qms: false },
  },
  'warehouse-requirements-without-system': {
    fires: [
      { req_stock_in_system: 'mostly', has_erp: false, has_wms: false, has_mes: false },
      { req_lot_fifo_control: 'full', has_erp: false, has_wms: false, has_mes: false },
    ],
    clean: { req_stock_in_system: 'mostly', has_erp: true, has_wms: false, has_mes: false },
  },
  'automated-material-flow-without-wms-mes': {
    fires: { req_automated_material_flow: 'partial', has_wms: false, has_mes: false },
    clean: { req_automated_material_flow: 'partial', has_wms: true, has_mes: false },
  },
  'energy-auto-collection-vs-has-ems': {
    fires: { req_energy_auto_collection: 'mostly', has_ems: false },
    clean: { req_energy_auto_collection: 'mostly', has_ems: true },
  },
  'shipments-in-system-without-tms-erp': {
    fires: { logistics_model: 'own_fleet', req_shipments_in_system: 'full', has_tms: false, has_erp: false },
    clean: { logistics_model: 'own_fleet', req_shipments_in_system: 'full', has_tms: false, has_erp: true },
  },
  'electronic-batch-record-without-mes-dcs': {
    industry: 'process',
    fires: { req_electronic_batch_record: 'mostly', has_mes: false, dcs_units_count: 0 },
    clean: { req_electronic_batch_record: 'mostly', has_mes: false, dcs_units_count: 3 },
  },
  'erp-mes-integration-without-mes': {
    fires: { has_erp: true, has_mes: false, has_scada: false, req_erp_mes_integration: 'mostly' },
    clean: { has_erp: true, has_mes: true, has_scada: false, req_erp_mes_integration: 'mostly', erp_interfaces: ['mes'], mes_interfaces: ['erp'] },
  },
  'system-interfaces-vs-no-erp-interfaces': {
    fires: [
      { ...noSystems, has_erp: true, erp_interfaces: ['none'], req_key_system_interfaces: 'mostly' },
      { ...noSystems, has_erp: true, erp_interfaces: ['none'], integration_level: 'point' },
    ],
    clean: { ...noSystems, has_erp: true, erp_interfaces: ['none'], req_key_system_interfaces: 'partial', integration_level: 'manual' },
  },
  'erp-mes-integration-vs-interfaces': {
    fires: [{ ...sys, req_erp_mes_integration: 'partial', erp_interfaces: ['finance'] }, { has_erp: true, has_mes: false, req_erp_mes_integration: 'mostly', erp_interfaces: ['none'] }],
    clean: { ...sys, req_erp_mes_integration: 'partial', erp_interfaces: ['mes'] },
  },
  'mes-erp-module-vs-interfaces': {
    fires: { has_mes: true, mes_modules: ['work_orders', 'erp_interface'], mes_interfaces: ['scada'] },
    clean: { has_mes: true, mes_modules: ['work_orders', 'erp_interface'], mes_interfaces: ['erp'] },
  },
  'plm-erp-transfer-vs-interfaces': {
    fires: [
      { has_plm: true, plm_scope: ['documents', 'erp_interface'], plm_interfaces: ['none'] },
      { has_plm: true, req_design_bom_to_erp: 'full', plm_interfaces: ['mes'] },
    ],
    clean: { has_plm: true, plm_scope: ['documents', 'erp_interface'], plm_interfaces: ['erp'] },
  },
  'wms-erp-scope-vs-interfaces': {
    fires: { has_wms: true, wms_scope: ['finished_goods', 'erp_interface'], wms_interfaces: ['none'] },
    clean: { has_wms: true, wms_scope: ['finished_goods', 'erp_interface'], wms_interfaces: ['erp'] },
  },
  'logistics-na-vs-logistics-model': {
    fires: { logistics_level: 'n/a', logistics_model: 'third_party' },
    clean: { logistics_level: 'n/a', logistics_model: 'customer_collect' },
  },
  'product-service-na-vs-field-service': {
    fires: { product_service_level: 'n/a', product_service_need: 'field_service' },
    clean: { product_service_level: 'n/a', product_service_need: 'via_oem' },
  },
  'service-revenue-without-service': {
    fires: { product_service_need: 'no_service', service_revenue_share: 0.12 },
    clean: { product_service_need: 'no_service', service_revenue_share: 0.01 },
  },
  'remote-om-platform-vs-product-service-na': {
    fires: { uses_iip_platform: true, iip_platform_uses: ['remote_om'], product_service_level: 'n/a' },
    clean: { uses_iip_platform: true, iip_platform_uses: ['remote_om'], product_service_need: 'field_service', product_service_level: 'connected' },
  },
  'connected-products-vs-service-level': {
    fires: [
      { product_service_need: 'field_service', product_service_level: 'connected', connected_products_share: 0 },
      { product_service_need: 'field_service', req_remote_om: 'partial', connected_products_share: 0 },
    ],
    clean: { product_service_need: 'field_service', product_service_level: 'connected', connected_products_share: 0.2 },
  },
  'major-hazard-vs-safety-na': {
    industry: 'process',
    fires: [{ has_major_hazard: true, req_safety_online_monitoring: 'n/a' }, { has_major_hazard: true, req_hazop_sis: 'n/a' }],
    clean: { has_major_hazard: true, req_safety_online_monitoring: 'mostly', req_hazop_sis: 'partial' },
  },
  'cold-storage-vs-cold-store-na': {
    industry: 'process',
    fires: { has_wms: true, wms_scope: ['cold_storage'], req_cold_store_monitoring: 'n/a' },
    clean: { has_wms: true, wms_scope: ['cold_storage'], req_cold_store_monitoring: 'mostly' },
  },
  'energy-level-vs-workshop-meters': {
    fires: { energy_management_level: 'manual', energy_meter_rate_secondary: 0.3 },
    clean: { energy_management_level: 'manual', energy_meter_rate_secondary: 0.8 },
  },
  'key-process-list-vs-total': {
    fires: [
      { key_processes_list: '粗铣（数控）；精镗（数控）；珩磨（普通）', key_processes_total: 2, key_processes_cnc: 2 },
      { key_processes_list: '破碎、配料、混练、成型', key_processes_total: 6, key_processes_cnc: 2 },
    ],
    // the same three processes and total; a one-item text is a description, not a list
    clean: { key_processes_list: '粗铣（数控）；精镗（数控）；珩磨（普通）', key_processes_total: 3, key_processes_cnc: 2 },
  },
  'energy-bills-only-vs-meters': {
    fires: [
      { energy_management_level: 'bills_only', energy_meter_rate_secondary: 0.05 },
      { energy_management_level: 'bills_only', req_energy_metering: 'partial' },
    ],
    // no workshop meter and three-tier metering partly met: the plant boundary's meter alone, which bills are read from
    clean: { energy_management_level: 'bills_only', energy_meter_rate_secondary: 0, req_energy_metering: 'partial' },
  },
  'energy-level-vs-equipment-meters': {
    fires: { energy_management_level: 'integrated', energy_meter_rate_equipment: 0.2 },
    clean: { energy_management_level: 'integrated', energy_meter_rate_equipment: 0.7 },
  },
  'key-energy-user-vs-consumption': {
    fires: { key_energy_user: true, energy_consumption_tce: 800 },
    clean: { key_energy_user: true, energy_consumption_tce: 12000 },
  },
  'consumption-vs-key-energy-user': {
    fires: { key_energy_user: false, energy_consumption_tce: 15000 },
    clean: { key_energy_user: false, energy_consumption_tce: 3000 },
  },
  'key-energy-user-vs-energy-level': {
    fires: { key_energy_user: true, energy_management_level: 'bills_only' },
    clean: { key_energy_user: true, energy_management_level: 'manual' },
  },
  'energy-intensity-vs-consumption': {
    fires: [
      { kpi_energy_per_output: 0.3, kpi_output_per_worker: 70, employees_total: 500, energy_consumption_tce: 1000 },
      { kpi_energy_per_output: 0.003, kpi_output_per_worker: 70, employees_total: 500, energy_consumption_tce: 1000 },
    ],
    clean: { kpi_energy_per_output: 0.03, kpi_output_per_worker: 70, employees_total: 500, energy_consumption_tce: 1000 },
  },
  'mlps-vs-security-level': {
    fires: { information_security_level: 'assessed', mlps_filing_level: 'not_classified' },
    clean: { information_security_level: 'assessed', mlps_filing_level: 'level2' },
  },
  'mlps-vs-risk-assessment': {
    fires: { req_security_risk_assessment: 'full', mlps_filing_level: 'level1' },
    clean: { req_security_risk_assessment: 'full', mlps_filing_level: 'level3' },
  },
  'controllable-equipment-vs-brands': {
    fires: { key_equipment_controllable: 'above_70', control_system_brands: ['siemens', 'fanuc'] },
    clean: { key_equipment_controllable: 'above_70', control_system_brands: ['siemens', 'inovance'] },
  },
  'lianghua-vs-strategy-level': {
    fires: { lianghua_certified: true, organization_strategy_level: 'planning' },
    clean: { lianghua_certified: true, organization_strategy_level: 'committed' },
  },
  'budget-vs-strategy-level': {
    fires: { retrofit_budget_band: 'from_1m_to_5m', organization_strategy_level: 'not_considered' },
    clean: { retrofit_budget_band: 'not_decided', organization_strategy_level: 'not_considered' },
  },
  'budget-vs-revenue': {
    fires: [{ retrofit_budget_band: 'over_20m', annual_revenue: 3000 }, { retrofit_budget_band: 'from_5m_to_20m', annual_revenue: 800 }],
    clean: { retrofit_budget_band: 'over_20m', annual_revenue: 30000 },
  },
  'first-pass-yield-plus-defect-rate': {
    fires: { kpi_first_pass_yield: 0.98, kpi_defect_rate: 0.05 },
    clean: { kpi_first_pass_yield: 0.94, kpi_defect_rate: 0.05 },
  },
  'output-per-worker-vs-revenue': {
    fires: [
      { kpi_output_per_worker: 70, annual_revenue: 100000, employees_total: 500 },
      { kpi_output_per_worker: 70, annual_revenue: 10000, employees_total: 500 },
    ],
    clean: { kpi_output_per_worker: 70, annual_revenue: 34000, employees_total: 500 },
  },
  'rd-spend-vs-revenue': {
    fires: { rd_spend: 5000, annual_revenue: 10000 },
    clean: { rd_spend: 300, annual_revenue: 10000 },
  },
  'taxes-vs-revenue': {
    fires: { taxes_paid: 4000, annual_revenue: 10000 },
    clean: { taxes_paid: 500, annual_revenue: 10000 },
  },
  'land-area-vs-revenue': {
    fires: { land_area_mu: 80000, annual_revenue: 30000 },
    clean: { land_area_mu: 120, annual_revenue: 30000 },
  },
  'food-code-vs-machining-key-processes': {
    sector: 'C1432',
    fires: { key_processes_list: '阀体粗铣（加工中心）；阀孔珩磨（普通珩磨机）；缸体焊接（手工焊）' },
    clean: { key_processes_list: '和面（PLC）；包馅成型（成型机）；隧道速冻（DCS）；金属检测' },
  },
  'machinery-code-vs-food-key-processes': {
    sector: 'C3444',
    fires: { key_processes_list: '馅料配料（DCS）；蒸煮（DCS）；螺旋速冻（DCS）' },
    clean: { key_processes_list: '阀体粗铣（加工中心）；缸体焊接（焊接机器人）；油缸装配（人工）' },
  },
  'designers-vs-employees': {
    fires: { designers_total: 60, employees_total: 40 },
    clean: { designers_total: 60, employees_total: 400 },
  },
};

function fired(industry: Industry, answers: Answers, sector?: string): string[] {
  const a = mustAnswers(q, { questionnaire: 'smart-manufacturing', version: '2', respondent: { company: '测试', industry, ...(sector ? { sector } : {}) }, answers });
  return runChecks(set, q, a).map((f) => f.id);
}

describe('shipped consistency checks', () => {
  it('load cleanly: schema, ids, expressions, placeholders', () => {
    expect(shape.validate('checks', checksSrc)).toEqual([]);
    expect(compiled.diagnostics).toEqual([]);
    expect(set.checks.length).toBeGreaterThanOrEqual(40);
  });

  it('every shipped check has a test case, and every case a shipped check', () => {
    expect(Object.keys(CASES).sort()).toEqual(set.checks.map((c) => c.def.id).sort());
  });

  it('never fire on an empty answer file', () => {
    expect(fired('discrete', {})).toEqual([]);
    expect(fired('process', {})).toEqual([]);
  });

  it('never fire on a list answered "don\'t know" or n/a: a list nobody knows does not lack anything', () => {
    // every check reading what a list contains, with each list it reads answered unknown (and n/a where allowed)
    const listChecks = set.checks.filter((c) => /contains\(/.test(c.def.when));
    const wrong: string[] = [];
    expect(listChecks.length).toBeGreaterThanOrEqual(10);
    for (const check of listChecks) {
      const c = CASES[check.def.id]!;
      const fires = Array.isArray(c.fires) ? c.fires[0]! : c.fires;
      // lists read by a negation (what it lacks) or a comparison of two lists; "contains" alone is false on null
      const when = check.def.when;
      const lists = [...when.matchAll(/(not contains|contains)\(([a-z0-9_]+),[^)]*\)( *!=)?/g)]
        .filter((m) => m[1] === 'not contains' || m[3] !== undefined || when.includes(`!= contains(${m[2]},`))
        .map((m) => m[2]!)
        .filter((x) => q.byId.get(x)?.type === 'multi');
      for (const list of new Set(lists)) {
        for (const value of ['unknown', ...(q.byId.get(list)?.allowNA ? ['n/a'] : [])]) {
          if (fired(c.industry ?? 'discrete', { ...fires, [list]: value }).includes(check.def.id)) wrong.push(`${check.def.id} with ${list}: ${value}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  for (const [id, c] of Object.entries(CASES)) {
    describe(id, () => {
      const industry = c.industry ?? 'discrete';
      const fires = Array.isArray(c.fires) ? c.fires : [c.fires];
      fires.forEach((answers, i) => {
        it(`fires on contradiction ${i + 1}`, () => expect(fired(industry, answers, c.sector)).toContain(id));
      });
      it('does not fire on consistent answers', () => expect(fired(industry, c.clean, c.sector)).not.toContain(id));
    });
  }
});

describe('a check message reads whatever the answers it names', () => {
  it('the key-process list against the total: a CNC count answered 不清楚 is not quoted into the sentence', () => {
    const a = mustAnswers(q, { questionnaire: 'smart-manufacturing', version: '2', respondent: { company: '测试', industry: 'discrete' }, answers: { key_processes_list: '破碎、配料、混练、成型', key_processes_total: 6, key_processes_cnc: 'unknown' } });
    const f = runChecks(set, q, a).find((x) => x.id === 'key-process-list-vs-total')!;
    expect(f.message.zh).toBe('关键工序清单列出的工序数，与关键工序总数 6 不一致；关键工序数控化率按总数和数控化工序数计算，请核实清单和这两个数字是否同一口径。');
    expect(f.message.zh).not.toContain('不清楚');
  });

  it('CNC machines and robots against the digital equipment: the two counts read as a sum (was "85 台加工业机器人 6 台")', () => {
    const a = mustAnswers(q, { questionnaire: 'smart-manufacturing', version: '2', respondent: { company: '测试', industry: 'discrete' }, answers: { cnc_machines_count: 85, robots_count: 6, equipment_total: 200, equipment_digital: 60 } });
    const f = runChecks(set, q, a).find((x) => x.id === 'cnc-and-robots-vs-digital-equipment')!;
    expect(f.message.zh).toBe('数控设备 85 台、工业机器人 6 台，合计多于数字化设备 60 台；数控设备和机器人都属于数字化设备。请核实三个数字的口径。');
    expect(f.message.en).toBe('CNC machines (85) and industrial robots (6) together are more than the digital machines (60), although both count as digital equipment. Check that the three figures use the same register.');
  });
});
