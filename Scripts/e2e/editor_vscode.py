#!/usr/bin/env python3
"""The VS Code extension in Editors/vscode, short of VS Code itself.

npm's registry is out of reach, so `vscode-languageclient` cannot be installed; instead the
manifest is checked against the files it names and the grammar, and `extension.js` runs
under Node with stand-ins for the `vscode` and `vscode-languageclient/node` modules that
record what the extension asks of them: the server it starts (`mentor lsp` over stdio, from
the settings), the settings it reads (each must be declared in the manifest), the commands
it registers, and its restart when a setting changes. Prints one line per test and "N
passed, N failed"; exits 1 on a failure.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXTENSION = os.path.join(ROOT, "Editors", "vscode")


def load(name):
    with open(os.path.join(EXTENSION, name), encoding="utf-8") as file:
        return json.load(file)


MANIFEST = load("package.json")
DECLARED_SETTINGS = set(MANIFEST["contributes"]["configuration"]["properties"])
DECLARED_COMMANDS = {command["command"] for command in MANIFEST["contributes"]["commands"]}


def test_manifest_declares_the_language_and_its_files():
    (language,) = MANIFEST["contributes"]["languages"]
    assert language["id"] == "mentor" and language["extensions"] == [".mentor"], language
    (grammar,) = MANIFEST["contributes"]["grammars"]
    assert grammar["language"] == "mentor"
    for path in (MANIFEST["main"], language["configuration"], grammar["path"]):
        assert os.path.isfile(os.path.join(EXTENSION, path)), f"{path} is named in package.json but missing"
    with open(os.path.join(EXTENSION, grammar["path"]), encoding="utf-8") as file:
        assert json.load(file)["scopeName"] == grammar["scopeName"] == "source.mentor"
    assert "vscode-languageclient" in MANIFEST["dependencies"]


def test_language_configuration():
    configuration = load("language-configuration.json")
    assert configuration["comments"] == {"lineComment": "//", "blockComment": ["/*", "*/"]}
    assert configuration["brackets"] == [["{", "}"], ["[", "]"], ["(", ")"]]
    pairs = {(pair["open"], pair["close"]) for pair in configuration["autoClosingPairs"]}
    assert {("{", "}"), ("[", "]"), ("(", ")"), ('"', '"')} <= pairs, pairs


HARNESS = r"""
// Stand-ins for the two modules extension.js needs, recording every call it makes.
const fs = require('fs');
const path = require('path');
const record = { settingsRead: [], clients: [], commands: {}, errors: [] };
const settings = JSON.parse(process.argv[2]);
const failStart = process.argv[3] === 'fail';
let configurationListener;

function module_(name, source) {
  const folder = path.join(__dirname, 'node_modules', name);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'index.js'), source);
}
module_('vscode', 'module.exports = global.fakeVscode;');
fs.writeFileSync(path.join(__dirname, 'node_modules', 'vscode-languageclient', 'node.js'),
  'module.exports = global.fakeLanguageClient;');

global.fakeVscode = {
  workspace: {
    getConfiguration(section) {
      return { get(key) { record.settingsRead.push(section + '.' + key); return settings[section + '.' + key]; } };
    },
    createFileSystemWatcher(glob) { return { glob }; },
    onDidChangeConfiguration(listener) { configurationListener = listener; return { dispose() {} }; },
  },
  commands: {
    registerCommand(name, callback) { record.commands[name] = callback; return { dispose() {} }; },
  },
  window: { showErrorMessage(message) { record.errors.push(message); } },
};
global.fakeLanguageClient = {
  TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 },
  LanguageClient: class {
    constructor(id, name, serverOptions, clientOptions) {
      this.entry = { id, name, serverOptions, documentSelector: clientOptions.documentSelector,
                     watches: clientOptions.synchronize.fileEvents.glob, started: 0, stopped: 0 };
      record.clients.push(this.entry);
    }
    async start() { this.entry.started += 1; if (failStart) throw new Error('spawn ENOENT'); }
    async stop() { this.entry.stopped += 1; }
  },
};

(async () => {
  const extension = require('./extension.js');
  const context = { subscriptions: [] };
  await extension.activate(context);
  record.subscriptions = context.subscriptions.length;
  // A change to an unrelated setting leaves the server alone; one to the server restarts it.
  await configurationListener({ affectsConfiguration: (section) => section === 'editor' });
  await configurationListener({ affectsConfiguration: (section) => section === 'mentor.server' });
  await new Promise((resolve) => setTimeout(resolve, 10));
  await extension.deactivate();
  record.commandNames = Object.keys(record.commands);
  process.stdout.write(JSON.stringify(record));
})().catch((error) => { console.error(error); process.exit(1); });
"""


def run_extension(settings, fail_start=False):
    """Runs extension.js's activate, a settings change and deactivate; returns the record."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(os.path.join(EXTENSION, "extension.js"), folder)
        os.makedirs(os.path.join(folder, "node_modules", "vscode-languageclient"))
        with open(os.path.join(folder, "harness.js"), "w", encoding="utf-8") as file:
            file.write(HARNESS)
        result = subprocess.run(["node", "harness.js", json.dumps(settings), "fail" if fail_start else "ok"],
                                cwd=folder, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)


def test_extension_starts_mentor_lsp_over_stdio_from_the_settings():
    record = run_extension({"mentor.server.path": "/opt/mentor/bin/mentor",
                            "mentor.server.extraArguments": ["--today", "2026-03-01"]})
    first = record["clients"][0]
    assert first["id"] == "mentor", first  # the id under which the client reads mentor.trace.server
    assert first["serverOptions"] == {"command": "/opt/mentor/bin/mentor",
                                      "args": ["lsp", "--today", "2026-03-01"], "transport": 0}, first
    assert {"scheme": "file", "language": "mentor"} in first["documentSelector"]
    assert first["watches"] == "**/*.mentor"
    assert first["started"] == 1 and first["stopped"] == 1, first  # stopped by the restart
    # Only the change to `mentor.server` restarted it; deactivate stopped the second client.
    assert len(record["clients"]) == 2 and record["clients"][1]["stopped"] == 1, record["clients"]
    assert record["errors"] == []


def test_defaults_start_mentor_from_the_path():
    record = run_extension({})
    assert record["clients"][0]["serverOptions"]["command"] == "mentor"
    assert record["clients"][0]["serverOptions"]["args"] == ["lsp"]


def test_every_setting_and_command_the_extension_uses_is_declared():
    record = run_extension({})
    read = set(record["settingsRead"]) | {"mentor.trace.server"}
    assert read <= DECLARED_SETTINGS, read - DECLARED_SETTINGS
    assert set(record["commandNames"]) == DECLARED_COMMANDS, record["commandNames"]
    # Every declared setting is used: by extension.js, or (trace) by the client under its id.
    assert DECLARED_SETTINGS <= read, DECLARED_SETTINGS - read


def test_a_server_that_cannot_start_is_reported():
    record = run_extension({"mentor.server.path": "/nowhere/mentor"}, fail_start=True)
    assert len(record["errors"]) >= 1 and "/nowhere/mentor" in record["errors"][0], record["errors"]
    assert "mentor.server.path" in record["errors"][0]


sys.exit(run_tests(__file__, globals()))
