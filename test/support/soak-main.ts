// `npm run soak`: runs the gateway and HTTP soaks (test/support/soak.ts) once and prints the figures.
// Loopback only: the bot talks to the local Discord stand-in. Exit code 1 if anything was lost,
// duplicated, wrong, or an attack was answered.
import { DEFAULT_SOAK, formatReport, gatewaySoak, httpSoak } from "./soak.js";

const gateway = await gatewaySoak(DEFAULT_SOAK);
process.stdout.write(`${formatReport(gateway)}\n\n`);
const http = await httpSoak(DEFAULT_SOAK);
process.stdout.write(`${formatReport(http)}\n`);
const bad = [gateway, http].some((r) => r.burst.missing || r.burst.duplicated || r.burst.wrong || r.burst.refused || r.attacks?.answered);
process.exit(bad ? 1 : 0);
