// Test-only settings, applied before every test file. Cheaper password hashing keeps the suites
// fast; passwords.test.ts checks the production cost on its own.
process.env.HEARTH_SCRYPT_LOG2N ??= '14';
