module.exports = async () => {
  for (const container of globalThis.__containers ?? []) await container.stop();
};
