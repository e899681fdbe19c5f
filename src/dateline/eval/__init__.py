"""Evaluation against gold data: loaders, scorers, one module per suite, and the CLI.

Real data is read from ../shared/data (never copied into the repository); `dateline eval`
runs one suite, `python -m dateline.eval.all DATA OUT.md` runs every suite present.
"""
