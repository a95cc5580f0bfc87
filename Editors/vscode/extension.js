'use strict';
// The Mentor extension's client: starts `mentor lsp` over stdio for Mentor files and restarts
// it when its settings change. Highlighting needs no server (the grammar does it).

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** The running client, or undefined while the server is stopped. */
let client;

/** How to start the server, from the `mentor.server.*` settings. */
function serverOptions() {
  const settings = vscode.workspace.getConfiguration('mentor');
  const command = settings.get('server.path') || 'mentor';
  const extraArguments = settings.get('server.extraArguments') || [];
  return { command, args: ['lsp', ...extraArguments], transport: TransportKind.stdio };
}

/** Which documents the server serves; it watches `.mentor` files so that a file changed on
 * disk (a `git pull`, a `mentor fmt -w`) re-checks what depends on it. */
function clientOptions() {
  return {
    documentSelector: [
      { scheme: 'file', language: 'mentor' },
      { scheme: 'untitled', language: 'mentor' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.mentor') },
  };
}

async function startServer() {
  // The id `mentor` makes the client read the `mentor.trace.server` setting.
  client = new LanguageClient('mentor', 'Mentor', serverOptions(), clientOptions());
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    const command = serverOptions().command;
    vscode.window.showErrorMessage(
      `Mentor: could not start \`${command} lsp\` (${error.message}). Set "mentor.server.path" to the mentor executable.`);
  }
}

async function stopServer() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop();
  }
}

async function restartServer() {
  await stopServer();
  await startServer();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('mentor.restartServer', restartServer),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('mentor.server')) restartServer();
    }),
  );
  await startServer();
}

function deactivate() {
  return stopServer();
}

module.exports = { activate, deactivate };
