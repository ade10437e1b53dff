// The program's version, in a module of its own so formatters (SARIF's tool.driver.version) can
// name it without importing the commander program.
export const VERSION = '0.1.0';
