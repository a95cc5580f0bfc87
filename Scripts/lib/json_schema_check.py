"""check-jsonschema from the test venv over documents held in memory: what the e2e scripts that
hold a JSON output to its published schema (export, status, check, test) share."""

import os
import subprocess
import sys
import tempfile

CHECK_JSONSCHEMA = os.path.join(os.path.dirname(sys.executable), "check-jsonschema")


def validate_documents(schema_file, documents, name="document"):
    """check-jsonschema's verdict (a CompletedProcess) on `documents`, each a str or bytes,
    written to temporary files named after `name`, against the schema in `schema_file`."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, document in enumerate(documents):
            path = os.path.join(folder, f"{name}-{index}.json")
            with open(path, "wb") as handle:
                handle.write(document.encode() if isinstance(document, str) else document)
            paths.append(path)
        return subprocess.run([CHECK_JSONSCHEMA, "--schemafile", schema_file, *paths], capture_output=True, text=True, timeout=300)
