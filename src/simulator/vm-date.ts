/**
 * The `Date` of a vm context: `new Date()` and `Date.now()` read the
 * simulator's clock, and (unless the host's zone is asked for) local-time
 * methods (`getHours`, `getMonth`, `toString`, the components constructor,
 * `Date.parse` of local forms, `toLocale*String`, `Intl.DateTimeFormat`
 * without a timeZone) use the script's time zone, as Apps Script's V8 does
 * with the manifest's `timeZone`. Dates remain genuine `Date` objects of the
 * context (`instanceof Date` works, `Object.prototype.toString` says Date).
 *
 * How: a small script evaluated inside the context replaces the global
 * `Date` with a function sharing the intrinsic `Date.prototype`, and patches
 * that prototype's local-time methods to ask host hooks (computed with Intl,
 * independent of the host's TZ) for the zone's offset.
 */
import * as vm from "node:vm";
import { wallToInstant, zoneOffsetMs } from "./time-zone";

/** Host functions the context's Date calls. */
interface DateHooks {
  now: () => number;
  zone: string | null;
  offset: (instantMs: number) => number;
  fromWall: (wallMs: number) => number;
  zoneName: (instantMs: number) => string;
}

const INSTALL_SOURCE = String.raw`(function (hooks) {
  "use strict";
  var RealDate = Date;
  var proto = RealDate.prototype;
  var orig = {};
  Object.getOwnPropertyNames(proto).forEach(function (name) { orig[name] = proto[name]; });
  var zone = hooks.zone;
  var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function timeOf(d) { return orig.getTime.call(d); }
  function wallOf(t) { return t !== t ? NaN : t + hooks.offset(t); }
  function fromComponents(args) {
    var y = Number(args[0]), m = Number(args[1]);
    var d = args.length > 2 ? Number(args[2]) : 1, h = args.length > 3 ? Number(args[3]) : 0;
    var mi = args.length > 4 ? Number(args[4]) : 0, s = args.length > 5 ? Number(args[5]) : 0, ms = args.length > 6 ? Number(args[6]) : 0;
    var wall = RealDate.UTC(y, m, d, h, mi, s, ms);
    return wall !== wall ? NaN : hooks.fromWall(wall);
  }
  var EXPLICIT_ZONE = /(Z|[+-]\d\d:?\d\d|GMT|UTC|\bUT\b|\b[ECMP][SD]T\b)/i;
  var DATE_ONLY_ISO = /^\s*[+-]?\d{4,6}(-\d\d(-\d\d)?)?\s*$/;
  function parseLocal(text) {
    var t = RealDate.parse(text);
    if (t !== t || zone === null || EXPLICIT_ZONE.test(text) || DATE_ONLY_ISO.test(text)) return t;
    var h = new RealDate(t);
    var wall = RealDate.UTC(orig.getFullYear.call(h), orig.getMonth.call(h), orig.getDate.call(h), orig.getHours.call(h), orig.getMinutes.call(h), orig.getSeconds.call(h), orig.getMilliseconds.call(h));
    return hooks.fromWall(wall);
  }
  function SimDate(a0, a1, a2, a3, a4, a5, a6) {
    if (!new.target) return String(new SimDate());
    var n = arguments.length, d;
    if (n === 0) d = new RealDate(hooks.now());
    else if (n === 1) d = typeof a0 === "string" ? new RealDate(parseLocal(a0)) : new RealDate(a0);
    else d = zone === null ? Reflect.construct(RealDate, Array.prototype.slice.call(arguments)) : new RealDate(fromComponents(arguments));
    if (new.target !== SimDate) Object.setPrototypeOf(d, new.target.prototype);
    return d;
  }
  Object.defineProperty(SimDate, "name", { value: "Date" });
  Object.defineProperty(SimDate, "length", { value: 7 });
  Object.defineProperty(SimDate, "prototype", { value: proto, writable: false, enumerable: false, configurable: false });
  Object.defineProperty(proto, "constructor", { value: SimDate, writable: true, enumerable: false, configurable: true });
  SimDate.now = function now() { return hooks.now(); };
  SimDate.parse = function parse(text) { return parseLocal(String(text)); };
  SimDate.UTC = RealDate.UTC;
  Object.defineProperty(globalThis, "Date", { value: SimDate, writable: true, enumerable: false, configurable: true });
  if (zone === null) return SimDate;

  function define(name, fn) {
    Object.defineProperty(proto, name, { value: fn, writable: true, enumerable: false, configurable: true });
  }
  function getter(utcName) {
    return function () { var w = wallOf(timeOf(this)); return w !== w ? NaN : orig[utcName].call(new RealDate(w)); };
  }
  function setter(utcName) {
    return function () {
      var t = timeOf(this);
      var tmp = new RealDate(t !== t ? NaN : wallOf(t));
      if (t !== t && utcName === "setUTCFullYear") tmp = new RealDate(0);
      orig[utcName].apply(tmp, arguments);
      var w = timeOf(tmp);
      return orig.setTime.call(this, w !== w ? NaN : hooks.fromWall(w));
    };
  }
  ["FullYear", "Month", "Date", "Day", "Hours", "Minutes", "Seconds", "Milliseconds"].forEach(function (part) {
    define("get" + part, getter("getUTC" + part));
    if (part !== "Day") define("set" + part, setter("setUTC" + part));
  });
  define("getYear", function () { var y = this.getFullYear(); return y !== y ? NaN : y - 1900; });
  define("getTimezoneOffset", function () { var t = timeOf(this); return t !== t ? NaN : -hooks.offset(t) / 60000; });
  function pad(n, w) { var s = String(Math.abs(n)); while (s.length < (w || 2)) s = "0" + s; return (n < 0 ? "-" : "") + s; }
  function offsetText(t) {
    var o = Math.round(hooks.offset(t) / 60000);
    return "GMT" + (o < 0 ? "-" : "+") + pad(Math.floor(Math.abs(o) / 60)) + pad(Math.abs(o) % 60);
  }
  function dateText(w) { return DAYS[w.getUTCDay()] + " " + MONTHS[w.getUTCMonth()] + " " + pad(w.getUTCDate()) + " " + pad(w.getUTCFullYear(), 4); }
  function timeText(t, w) { return pad(w.getUTCHours()) + ":" + pad(w.getUTCMinutes()) + ":" + pad(w.getUTCSeconds()) + " " + offsetText(t) + " (" + hooks.zoneName(t) + ")"; }
  define("toString", function () {
    var t = timeOf(this); if (t !== t) return "Invalid Date";
    var w = new RealDate(wallOf(t)); return dateText(w) + " " + timeText(t, w);
  });
  define("toDateString", function () { var t = timeOf(this); return t !== t ? "Invalid Date" : dateText(new RealDate(wallOf(t))); });
  define("toTimeString", function () { var t = timeOf(this); return t !== t ? "Invalid Date" : timeText(t, new RealDate(wallOf(t))); });
  function withZone(options) {
    var o = Object.assign({}, options);
    if (o.timeZone === undefined) o.timeZone = zone;
    return o;
  }
  ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"].forEach(function (name) {
    define(name, function (locales, options) { return orig[name].call(this, locales, withZone(options)); });
  });
  var RealDTF = Intl.DateTimeFormat;
  function DateTimeFormat(locales, options) { return new RealDTF(locales, withZone(options)); }
  DateTimeFormat.prototype = RealDTF.prototype;
  DateTimeFormat.supportedLocalesOf = RealDTF.supportedLocalesOf;
  Object.defineProperty(Intl, "DateTimeFormat", { value: DateTimeFormat, writable: true, enumerable: false, configurable: true });
  return SimDate;
})`;

/**
 * Installs the simulated `Date` in a vm context.
 *
 * @example
 * installContextDate(context, { now: () => sim.now(), timeZone: "America/Los_Angeles" });
 */
export function installContextDate(context: vm.Context, options: { now: () => number; timeZone: string | null }): void {
  const zone = options.timeZone;
  const hooks: DateHooks = {
    now: options.now,
    zone,
    // zoneOffsetMs keeps its own per-hour cache of each zone's offsets.
    offset: (instantMs: number) => (zone === null ? 0 : zoneOffsetMs(zone, instantMs)),
    fromWall: (wallMs: number) => (zone === null ? wallMs : wallToInstant(wallMs, zone)),
    zoneName(instantMs: number): string {
      if (zone === null) return "";
      return (
        new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "long" })
          .formatToParts(new Date(instantMs))
          .find((p) => p.type === "timeZoneName")?.value ?? zone
      );
    },
  };
  const install = vm.runInContext(INSTALL_SOURCE, context, { filename: "simulator:date.js" }) as (
    hooks: DateHooks,
  ) => unknown;
  install(hooks);
}
