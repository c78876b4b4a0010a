/**
 * The demo's people: three teams (East, North, South), each with a manager
 * (Role `manager`) whom the reps (Role `rep`) report to; English and Chinese
 * names; one rep leaving in mid-April 2026 and one joining in mid-June 2026.
 */
/** Someone on the demo Reps sheet. */
export interface DemoPerson {
  id: string;
  name: string;
  email: string;
  role: "rep" | "manager";
  team: string;
  /** Rep ID of the manager, "" for managers. */
  manager: string;
  /** `YYYY-MM-DD`. */
  start: string;
  end: string | null;
  targetBonus: number | null;
}

/** How a rep sells: the hidden parameters behind the generated deals. */
export interface Profile {
  /** Revenue performance against target (1 = on target). */
  skill: number;
  /** Change of skill per month (a rep improving or slipping). */
  trend: number;
  /** Monthly revenue quota before seasonality. */
  quota: number;
  /** Chance of winning a new-business deal. */
  winNew: number;
  /** Chance of keeping a customer at renewal. */
  renew: number;
  /** Mean days from Opened to close for new business. */
  cycle: number;
  /** Mean manager ratings, 1-5. */
  csat: number;
  knowledge: number;
  teamwork: number;
}

/** The demo's teams. */
export const TEAMS = ["East", "North", "South"] as const;

/** Everyone on the Reps sheet, each rep with the profile their deals and ratings are drawn from. */
export const PEOPLE: readonly (DemoPerson & { profile?: Profile })[] = [
  person("M01", "Sarah Chen", "sarah.chen", "manager", "East", "", "2019-03-04", null, 2500),
  person("R01", "Li Na", "li.na", "rep", "East", "M01", "2021-06-07", null, 1000, {
    skill: 1.08,
    trend: 0,
    quota: 48000,
    winNew: 0.26,
    renew: 0.86,
    cycle: 38,
    csat: 4.6,
    knowledge: 4.3,
    teamwork: 4.4,
  }),
  person("R02", "Tom Becker", "tom.becker", "rep", "East", "M01", "2022-09-12", null, 1000, {
    skill: 0.78,
    trend: 0.022,
    quota: 44000,
    winNew: 0.23,
    renew: 0.8,
    cycle: 46,
    csat: 4.2,
    knowledge: 3.8,
    teamwork: 4.1,
  }),
  person("R03", "王芳", "wang.fang", "rep", "East", "M01", "2020-04-01", null, 1200, {
    skill: 1.24,
    trend: 0.004,
    quota: 52000,
    winNew: 0.32,
    renew: 0.9,
    cycle: 31,
    csat: 4.7,
    knowledge: 4.6,
    teamwork: 4.2,
  }),
  person("M02", "张伟", "zhang.wei", "manager", "North", "", "2018-08-20", null, null),
  person("R04", "Marco Rossi", "marco.rossi", "rep", "North", "M02", "2023-01-09", null, 1000, {
    skill: 1.05,
    trend: -0.018,
    quota: 45000,
    winNew: 0.24,
    renew: 0.78,
    cycle: 44,
    csat: 4.1,
    knowledge: 4.0,
    teamwork: 3.8,
  }),
  person("R05", "刘洋", "liu.yang", "rep", "North", "M02", "2021-11-15", null, 1000, {
    skill: 1.02,
    trend: 0.002,
    quota: 47000,
    winNew: 0.27,
    renew: 0.85,
    cycle: 36,
    csat: 4.5,
    knowledge: 4.4,
    teamwork: 4.6,
  }),
  person("R06", "Emma Wilson", "emma.wilson", "rep", "North", "M02", "2022-02-14", "2026-04-17", 1000, {
    skill: 0.92,
    trend: -0.004,
    quota: 43000,
    winNew: 0.24,
    renew: 0.82,
    cycle: 41,
    csat: 4.4,
    knowledge: 4.1,
    teamwork: 4.3,
  }),
  person("R07", "Kenji Sato", "kenji.sato", "rep", "North", "M02", "2024-03-18", null, null, {
    skill: 0.86,
    trend: 0.008,
    quota: 40000,
    winNew: 0.23,
    renew: 0.8,
    cycle: 48,
    csat: 4.3,
    knowledge: 3.9,
    teamwork: 4.0,
  }),
  person("M03", "David Okafor", "david.okafor", "manager", "South", "", "2020-01-06", null, 2000),
  person("R08", "陈静", "chen.jing", "rep", "South", "M03", "2019-10-08", null, 1100, {
    skill: 1.12,
    trend: 0,
    quota: 50000,
    winNew: 0.29,
    renew: 0.88,
    cycle: 34,
    csat: 4.8,
    knowledge: 4.5,
    teamwork: 4.5,
  }),
  person("R09", "Lucas Silva", "lucas.silva", "rep", "South", "M03", "2023-07-03", null, 1000, {
    skill: 0.98,
    trend: 0.003,
    quota: 45000,
    winNew: 0.25,
    renew: 0.83,
    cycle: 40,
    csat: 4.4,
    knowledge: 4.2,
    teamwork: 4.3,
  }),
  person("R10", "Aisha Khan", "aisha.khan", "rep", "South", "M03", "2026-06-15", null, 1000, {
    skill: 1.0,
    trend: 0,
    quota: 42000,
    winNew: 0.24,
    renew: 0.82,
    cycle: 42,
    csat: 4.4,
    knowledge: 3.2,
    teamwork: 4.3,
  }),
  person("R11", "赵磊", "zhao.lei", "rep", "South", "M03", "2024-09-02", null, null, {
    skill: 0.82,
    trend: 0.006,
    quota: 40000,
    winNew: 0.22,
    renew: 0.79,
    cycle: 47,
    csat: 4.2,
    knowledge: 3.9,
    teamwork: 4.4,
  }),
];

function person(
  id: string,
  name: string,
  mail: string,
  role: "rep" | "manager",
  team: string,
  manager: string,
  start: string,
  end: string | null,
  targetBonus: number | null,
  profile?: Profile,
): DemoPerson & { profile?: Profile } {
  return { id, name, email: `${mail}@example.com`, role, team, manager, start, end, targetBonus, profile };
}
