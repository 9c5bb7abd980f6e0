import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # fixture_cases, helpers


# In CI (.ci/run sets DOSSIER_NO_SKIPS=1) a skipped browser or HTML check fails the run: those checks
# must never be skipped silently there. Locally they skip, and `make test` lists why (-rs).
_SKIPPED: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped:
        _SKIPPED.append(f"{report.nodeid}: {report.longrepr[-1] if isinstance(report.longrepr, tuple) else ''}")


def pytest_collectreport(report):
    if report.skipped:
        _SKIPPED.append(f"{report.nodeid}: {report.longrepr[-1] if isinstance(report.longrepr, tuple) else ''}")


def pytest_sessionfinish(session, exitstatus):
    import os

    if os.environ.get("DOSSIER_NO_SKIPS") == "1" and _SKIPPED and exitstatus in (0, 5):
        sys.stderr.write("\nDOSSIER_NO_SKIPS is set, but these checks were skipped:\n  " + "\n  ".join(_SKIPPED) + "\n")
        session.exitstatus = 1
