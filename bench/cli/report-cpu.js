// Preloaded into each command the CLI benchmark starts (`node -r`): prints the process's own CPU time on exit,
// which a loaded machine does not inflate the way it inflates wall time.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nBENCH_CPU_MS=${((user + system) / 1000).toFixed(1)}\n`);
});
