// What the numbers were measured on.
import { cpus, release, totalmem, type as osType } from "node:os";
import { readFileSync } from "node:fs";

function distribution() {
  try {
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1];
  } catch {
    return undefined;
  }
}

export function describeMachine(): string[] {
  const cores = cpus();
  return [
    `CPU: ${cores[0]?.model ?? "unknown"}, ${cores.length} cores`,
    `RAM: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node: ${process.version}`,
    `OS: ${distribution() ?? osType()} (${osType()} ${release()})`,
    `Date: ${new Date().toISOString()}`,
  ];
}
