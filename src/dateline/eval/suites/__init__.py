"""One module per suite; each exposes `run(path, limit, settings) -> SuiteResult`."""
