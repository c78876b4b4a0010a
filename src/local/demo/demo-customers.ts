/**
 * The demo's customers: English and Chinese company names, shuffled by the
 * seed.
 */
import type { Random } from "./demo-random";

const EN_PREFIXES = [
  "Northwind",
  "Contoso",
  "Fabrikam",
  "Blue Harbor",
  "Summit",
  "Redwood",
  "Apex",
  "Brightline",
  "Cedar",
  "Harbor Point",
  "Ironbridge",
  "Lakeside",
  "Maple",
  "Meridian",
  "Oakridge",
  "Pinnacle",
  "Riverstone",
  "Silverline",
  "Stonegate",
  "Sunrise",
  "Tidewater",
  "Westfield",
  "Evergreen",
  "Granite",
  "Highland",
  "Keystone",
  "Lighthouse",
  "Northstar",
  "Orchard",
  "Pioneer",
  "Quarry",
  "Rockport",
  "Sapphire",
  "Trailhead",
  "Union Square",
  "Valley",
  "Willow",
  "Bluebird",
  "Copperfield",
  "Driftwood",
  "Eastgate",
  "Foxglove",
  "Goldcrest",
  "Hawthorn",
  "Juniper",
  "Kingsley",
  "Larkspur",
  "Moonstone",
  "Nettle",
  "Old Mill",
];
const EN_SUFFIXES = [
  "Trading",
  "Logistics",
  "Foods",
  "Labs",
  "Retail",
  "Health",
  "Systems",
  "Partners",
  "Manufacturing",
  "Energy",
  "Media",
  "Clinics",
  "Hotels",
  "Supply",
];
const ZH_PREFIXES = [
  "华兴",
  "远航",
  "金桥",
  "东方",
  "瑞丰",
  "恒通",
  "新锐",
  "博雅",
  "天成",
  "鼎盛",
  "汇通",
  "嘉禾",
  "明德",
  "宏远",
  "盛世",
  "锦程",
  "卓越",
  "信达",
  "安泰",
  "万象",
  "启航",
  "德润",
  "永新",
  "海川",
  "中联",
  "智远",
  "泰和",
  "恒昌",
  "祥云",
  "瀚海",
];
const ZH_SUFFIXES = ["科技", "贸易", "物流", "食品", "医疗", "电子", "制造", "能源", "传媒", "酒店", "零售", "建材"];

/**
 * Every customer name, in a seeded order.
 *
 * @example
 * customerPool(new Random(42)).length; // 50 * 14 + 30 * 12
 */
export function customerPool(random: Random): string[] {
  const names: string[] = [];
  for (const p of EN_PREFIXES) for (const s of EN_SUFFIXES) names.push(`${p} ${s}`);
  for (const p of ZH_PREFIXES) for (const s of ZH_SUFFIXES) names.push(`${p}${s}有限公司`);
  return random.shuffle(names);
}
