/**
 * Experts' judgement of which demo offers truly answer a demo demand, for precision@5 and
 * nDCG@10 of the matcher. Judged on the problem and the desired outcome, not on shared words;
 * only published offers are named.
 *
 * Left out on purpose, because no demo offer truly answers them (labelling a near miss would
 * reward the matcher for it):
 * - strawberry-tissue-culture-langbiang: the tissue-culture offers are for orchids,
 *   chrysanthemums and potatoes, not strawberries;
 * - dairy-cow-health-sensors-bavi: the mastitis test kit is neither a collar nor detects heat;
 * - genebank-information-system: no offer is a sample or genebank database;
 * - yogurt-shelf-life-bavi: the only starter-culture offer is not published and does not address
 *   post-acidification;
 * - tb-pcr-kit-namsaigon: the LAMP device detects TB but not rifampicin resistance and does not
 *   run on open real-time PCR machines;
 * - technology-valuation-method: the TRL assessment method does not value technologies.
 */
import type { MatchLabel } from './types';

export const MATCH_LABELS: MatchLabel[] = [
  // Environment and energy
  { demandKey: 'seafood-wastewater-mekong', relevantOfferKeys: ['mbr-nuoc-thai-thuy-san'] },
  { demandKey: 'textile-dye-wastewater-kinhbac', relevantOfferKeys: ['fenton-dien-hoa-det-nhuom'] },
  // High-COD starch wastewater: an anaerobic stage (UASB) followed by a constructed wetland.
  { demandKey: 'craft-village-wastewater-hanoi', relevantOfferKeys: ['bai-loc-trong-cay-nong-thon', 'uasb-nuoc-thai-chan-nuoi'] },
  { demandKey: 'landfill-leachate-danang', relevantOfferKeys: ['nuoc-ri-rac-mbbr-ro'] },
  { demandKey: 'organic-waste-compost-danang', relevantOfferKeys: ['u-compost-rac-huu-co'] },
  { demandKey: 'paint-shop-voc-haiphong', relevantOfferKeys: ['voc-rotor-zeolite-xuc-tac'] },
  { demandKey: 'seafood-byproduct-collagen', relevantOfferKeys: ['collagen-peptide-da-ca'] },
  // The farm also has to treat the water leaving the digester.
  { demandKey: 'dairy-farm-biogas-bavi', relevantOfferKeys: ['biogas-hdpe-phat-dien', 'uasb-nuoc-thai-chan-nuoi'] },
  { demandKey: 'industrial-park-rooftop-solar', relevantOfferKeys: ['rooftop-solar-storage-ems'] },
  // The new boiler must come with dust treatment that meets the emission standard.
  { demandKey: 'biomass-boiler-kinhbac', relevantOfferKeys: ['lo-hoi-sinh-khoi-tang-soi', 'loc-bui-khi-thai-lo-hoi'] },

  // Agriculture
  { demandKey: 'greenhouse-iot-irrigation-langbiang', relevantOfferKeys: ['tuoi-nho-giot-iot-do-am'] },
  { demandKey: 'salt-tolerant-rice-phusa', relevantOfferKeys: ['giong-lua-chiu-man-sh-m15', 'marker-assisted-breeding-service'] },
  { demandKey: 'rice-pest-forecasting-phusa', relevantOfferKeys: ['canh-bao-sau-benh-lua-ai'] },
  { demandKey: 'pangasius-vaccine-mekong', relevantOfferKeys: ['vaccine-gan-than-mu-ca-tra'] },
  { demandKey: 'shrimp-pond-water-monitoring', relevantOfferKeys: ['quan-trac-oxy-ao-tom'] },
  { demandKey: 'vegetable-postharvest-langbiang', relevantOfferKeys: ['chitosan-coating-fruit-export'] },
  { demandKey: 'salinity-intrusion-forecast-phusa', relevantOfferKeys: ['du-bao-xam-nhap-man-vien-tham'] },
  // Ecotoxicity (LC50 on shrimp and fish) and particle stability are two halves of the same dossier.
  { demandKey: 'nano-silver-safety-nanoxanh', relevantOfferKeys: ['doc-tinh-sinh-thai-oecd', 'phan-tich-dac-trung-vat-lieu-nano'] },

  // Engineering and digital
  { demandKey: 'welding-robot-steel-structures', relevantOfferKeys: ['robot-han-do-duong-laser'] },
  { demandKey: 'cnc-machine-monitoring-oee', relevantOfferKeys: ['cnc-oee-thu-thap-du-lieu'] },
  { demandKey: 'port-crane-predictive-maintenance', relevantOfferKeys: ['vibration-predictive-maintenance'] },
  { demandKey: 'anticorrosion-coating-port-steel', relevantOfferKeys: ['phun-phu-zn-al-chong-an-mon'] },
  { demandKey: 'smt-aoi-defect-detection', relevantOfferKeys: ['aoi-smt-hoc-sau'] },
  { demandKey: 'agv-intralogistics-quevo', relevantOfferKeys: ['agv-lidar-slam'] },
  { demandKey: 'lora-sensor-node-design', relevantOfferKeys: ['nut-cam-bien-lorawan-cong-suat-thap'] },
  { demandKey: 'batch-record-ocr-ankhang', relevantOfferKeys: ['ocr-tieng-viet-bieu-mau'] },

  // Health
  { demandKey: 'artichoke-extract-standardisation', relevantOfferKeys: ['cao-atiso-chuan-hoa-cynarin'] },
  { demandKey: 'preclinical-safety-ankhang', relevantOfferKeys: ['danh-gia-doc-tinh-tien-lam-sang'] },
  { demandKey: 'telemedicine-satellite-hospitals', relevantOfferKeys: ['teleconsultation-dicom-platform'] },
  { demandKey: 'occupational-health-screening-kinhbac', relevantOfferKeys: ['suc-khoe-nghe-nghiep-det-may'] },

  // Social sciences and humanities
  // Competency frameworks and practical skills tests, though built for vocational colleges.
  { demandKey: 'smt-workforce-skills-assessment', relevantOfferKeys: ['vocational-elearning-simulation'] },
  // Representative household survey and barrier analysis; the communication campaign is not covered.
  { demandKey: 'waste-sorting-behaviour-danang', relevantOfferKeys: ['khao-sat-thi-truong-conjoint-capi'] },
  { demandKey: 'museum-digital-archive-hue', relevantOfferKeys: ['kho-luu-tru-di-san-so', 'artefact-3d-scanning-photogrammetry'] },
  { demandKey: 'han-nom-ocr-hue', relevantOfferKeys: ['nhan-dang-chu-han-nom'] },
];
