/**
 * Java SimpleDateFormat patterns, as `Utilities.formatDate` takes them:
 * G y Y M L w W D d F E u a H k K h m s S z Z X, quoted text in '...', and ''
 * for a quote. Other letters throw, as Java does.
 */
import { ENGLISH_DAY_NAMES, ENGLISH_MONTH_NAMES } from "../core/english-calendar-names";
import { instantToWall, wallParts, zoneOffsetMs } from "./time-zone";

const pad = (n: number, width: number): string =>
  n < 0 ? "-" + String(-n).padStart(width, "0") : String(n).padStart(width, "0");

function offsetText(offsetMs: number, style: "Z" | "X" | "XX" | "XXX" | "z"): string {
  const total = Math.round(offsetMs / 60000);
  if (total === 0 && style.startsWith("X")) return "Z";
  const sign = total < 0 ? "-" : "+";
  const h = Math.floor(Math.abs(total) / 60);
  const m = Math.abs(total) % 60;
  switch (style) {
    case "Z":
    case "XX":
      return `${sign}${pad(h, 2)}${pad(m, 2)}`;
    case "X":
      return m === 0 ? `${sign}${pad(h, 2)}` : `${sign}${pad(h, 2)}${pad(m, 2)}`;
    case "XXX":
      return `${sign}${pad(h, 2)}:${pad(m, 2)}`;
    default:
      return `GMT${sign}${pad(h, 2)}:${pad(m, 2)}`;
  }
}

function zoneShortName(instantMs: number, timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  if (timeZone === "GMT" || timeZone === "Etc/GMT") return "GMT";
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(new Date(instantMs))
    .find((p) => p.type === "timeZoneName")?.value;
  if (!name || /^GMT|^UTC/.test(name)) return offsetText(zoneOffsetMs(timeZone, instantMs), "z");
  return name;
}

function zoneLongName(instantMs: number, timeZone: string): string {
  return (
    new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "long" })
      .formatToParts(new Date(instantMs))
      .find((p) => p.type === "timeZoneName")?.value ?? timeZone
  );
}

function dayOfYear(p: { year: number; month: number; day: number }): number {
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86_400_000) + 1;
}

/**
 * Formats an instant in a zone with a SimpleDateFormat pattern.
 *
 * @example
 * formatSimpleDate(Date.UTC(2026, 2, 31, 16), "Asia/Shanghai", "yyyy-MM-dd HH:mm XXX"); // "2026-04-01 00:00 +08:00"
 */
export function formatSimpleDate(instantMs: number, timeZone: string, pattern: string): string {
  const wall = instantToWall(instantMs, timeZone);
  const p = wallParts(wall);
  const offset = wall - instantMs;
  let out = "";
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new Error(`Unterminated quote in date pattern: ${pattern}`);
      out += pattern.slice(i + 1, end).replace(/''/g, "'");
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (j < pattern.length && pattern[j] === ch) j++;
    const n = j - i;
    i = j;
    const doy = dayOfYear(p);
    switch (ch) {
      case "G":
        out += p.year > 0 ? "AD" : "BC";
        break;
      case "y":
      case "Y":
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case "M":
      case "L": {
        const name = ENGLISH_MONTH_NAMES[p.month - 1];
        out += n >= 4 ? name : n === 3 ? name.slice(0, 3) : pad(p.month, n);
        break;
      }
      case "w": {
        const jan1 = new Date(Date.UTC(p.year, 0, 1)).getUTCDay();
        out += pad(Math.floor((doy - 1 + jan1) / 7) + 1, n);
        break;
      }
      case "W": {
        const first = new Date(Date.UTC(p.year, p.month - 1, 1)).getUTCDay();
        out += pad(Math.floor((p.day - 1 + first) / 7) + 1, n);
        break;
      }
      case "D":
        out += pad(doy, n);
        break;
      case "d":
        out += pad(p.day, n);
        break;
      case "F":
        out += pad(Math.floor((p.day - 1) / 7) + 1, n);
        break;
      case "E":
        out += n >= 4 ? ENGLISH_DAY_NAMES[p.weekday] : ENGLISH_DAY_NAMES[p.weekday].slice(0, 3);
        break;
      case "u":
        out += pad(p.weekday === 0 ? 7 : p.weekday, n);
        break;
      case "a":
        out += p.hour < 12 ? "AM" : "PM";
        break;
      case "H":
        out += pad(p.hour, n);
        break;
      case "k":
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case "K":
        out += pad(p.hour % 12, n);
        break;
      case "h":
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case "m":
        out += pad(p.minute, n);
        break;
      case "s":
        out += pad(p.second, n);
        break;
      case "S":
        out += pad(p.millisecond, n);
        break;
      case "z":
        out += n >= 4 ? zoneLongName(instantMs, timeZone) : zoneShortName(instantMs, timeZone);
        break;
      case "Z":
        out += offsetText(offset, "Z");
        break;
      case "X":
        out += offsetText(offset, n === 1 ? "X" : n === 2 ? "XX" : "XXX");
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
