// Integration tests talk to real servers; jest ignores `testTimeout` inside a project, so set it here.
jest.setTimeout(120_000);
