"""The runner the end-to-end scripts in Scripts/e2e share.

Each script defines `test_*` functions and ends with `sys.exit(run_tests(__file__, globals()))`;
every test runs even when an earlier one fails, and the script exits 1 if any failed.
"""

import os
import sys
import time
import traceback


def run_tests(script, namespace, fixture=None):
    """Runs the `test_*` functions of `namespace` in the order they are defined.

    With `fixture`, each test gets a fresh `fixture()` as its argument, closed afterwards.
    Prints one `ok`/`FAIL` line per test, with its time so a slow test shows, and a summary line; returns the exit status."""
    name = os.path.splitext(os.path.basename(script))[0]
    if "MENTOR_BINARY" not in os.environ:
        print(f"{name}: set MENTOR_BINARY to the built mentor", file=sys.stderr)
        return 2
    tests = [(test_name, test) for test_name, test in namespace.items()
             if test_name.startswith("test_") and callable(test)]
    passed = failed = 0
    for test_name, test in tests:
        resource = fixture() if fixture else None
        started = time.monotonic()
        try:
            if fixture:
                test(resource)
            else:
                test()
        except Exception as error:  # report every failure, then go on with the next test
            failed += 1
            print(f"FAIL {test_name} ({time.monotonic() - started:.1f} s): {type(error).__name__}: {error}")
            traceback.print_exc(limit=2)
        else:
            passed += 1
            print(f"ok   {test_name} ({time.monotonic() - started:.1f} s)")
        finally:
            if resource is not None:
                resource.close()
    print(f"{name}: {passed} passed, {failed} failed")
    return 1 if failed else 0
