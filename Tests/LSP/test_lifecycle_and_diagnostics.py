"""`mentor lsp` driven by a real LSP client library (pytest-lsp over pygls): the lifecycle,
diagnostics on the credential example, incremental edits and formatting."""

import asyncio
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import server_command

AGREEMENT = "agreements/ana_ines.mentor"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=server_command()))
async def client(lsp_client: LanguageClient):
    # The server asks to watch *.mentor files; VS Code's client accepts, and so does this one.
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)
    yield
    await lsp_client.shutdown_session()


async def start(client: LanguageClient, workspace: pathlib.Path, capabilities: str = "visual-studio-code"):
    result = await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities(capabilities),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="credential-program")],
    ))
    return result


def open_document(client: LanguageClient, path: pathlib.Path) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="mentor", version=1, text=path.read_text())))
    return uri


async def diagnostics_for(client: LanguageClient, uri: str, predicate=lambda d: True, timeout: float = 30.0):
    """The diagnostics of the first publication for `uri` that satisfies `predicate`."""
    async def wait():
        while True:
            if uri in client.diagnostics and predicate(client.diagnostics[uri]):
                return client.diagnostics[uri]
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return await asyncio.wait_for(wait(), timeout)


def codes_and_places(diagnostics):
    return sorted((d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
                  for d in diagnostics)


async def test_initialize_advertises_sync_formatting_and_encoding(client: LanguageClient, workspace):
    result = await start(client, workspace)
    capabilities = result.capabilities
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert capabilities.document_formatting_provider
    assert capabilities.document_range_formatting_provider
    # VS Code offers only UTF-16.
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf16
    assert result.server_info.name == "mentor"


async def test_credential_example_two_diagnostics_then_an_edit_clears_one(client: LanguageClient, workspace):
    await start(client, workspace)
    uri = open_document(client, workspace / AGREEMENT)
    found = await diagnostics_for(client, uri, lambda d: len(d) == 2)
    # no_supervisor at the agreement's name (line 2), smart_goals at the goal's name (line 11).
    assert codes_and_places(found) == [("M0520", 1, 10, 1, 18), ("M0520", 10, 7, 10, 17)]
    messages = sorted(d.message for d in found)
    assert "[no_supervisor]" in messages[0] or "[no_supervisor]" in messages[1]
    assert all(d.severity == types.DiagnosticSeverity.Error and d.source == "mentor" for d in found)
    # Each points at the rule that required it.
    assert all(d.related_information and "required by rule" in d.related_information[0].message for d in found)
    # No docs address was configured, so no link.
    assert all(d.code_description is None for d in found)

    # Move the goal's due date inside the agreement: smart_goals is satisfied.
    due_line = 12
    line_text = (workspace / AGREEMENT).read_text().splitlines()[due_line]
    column = line_text.index("2026-10-15")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=due_line, character=column + 5),
                              end=types.Position(line=due_line, character=column + 7)),
            text="08")]))
    remaining = await diagnostics_for(client, uri, lambda d: len(d) == 1)
    assert codes_and_places(remaining) == [("M0520", 1, 10, 1, 18)]
    assert "[no_supervisor]" in remaining[0].message


async def test_diagnostics_for_files_not_open_and_their_clearing(client: LanguageClient, workspace):
    await start(client, workspace)
    agreement_uri = (workspace / AGREEMENT).as_uri()
    # Published at start-up for the whole workspace, before anything is opened.
    await diagnostics_for(client, agreement_uri, lambda d: len(d) == 2)
    # An unsaved edit to another file (who supervises Inês) fixes no_supervisor in this one.
    people = workspace / "people.mentor"
    people_uri = open_document(client, people)
    text = people.read_text()
    line = next(i for i, l in enumerate(text.splitlines()) if l.startswith("person ines"))
    line_text = text.splitlines()[line]
    column = line_text.index("supervisor: ana") + len("supervisor: ")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=people_uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=line, character=column),
                              end=types.Position(line=line, character=column + 3)),
            text="lee")]))
    remaining = await diagnostics_for(client, agreement_uri, lambda d: len(d) == 1)
    assert "[smart_goals]" in remaining[0].message
    # Closing the buffer without saving brings the file on disk back.
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=people_uri)))
    await diagnostics_for(client, agreement_uri, lambda d: len(d) == 2)


async def test_a_syntax_error_is_reported_at_its_place_and_cleared(client: LanguageClient, workspace):
    await start(client, workspace)
    path = workspace / "people.mentor"
    uri = open_document(client, path)
    original = path.read_text()
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=original + "\nperson {\n")]))
    broken = await diagnostics_for(client, uri, lambda d: any(x.severity == types.DiagnosticSeverity.Error for x in d))
    assert all(d.code.startswith("M0") for d in broken)
    assert max(d.range.start.line for d in broken) >= len(original.splitlines())
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=original)]))
    await diagnostics_for(client, uri, lambda d: len(d) == 0)


async def test_utf8_positions_when_offered_and_utf16_otherwise(client: LanguageClient, workspace):
    capabilities = client_capabilities("neovim")
    capabilities.general = types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf8])
    result = await client.initialize_session(types.InitializeParams(
        capabilities=capabilities,
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="w")]))
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    # A line with non-ASCII text before the error: `Inês` is 4 characters, 5 bytes.
    path = workspace / "extra.mentor"
    path.write_text('person zoe "Zoë Ñandú" { supervisor: nobody }\n')
    uri = open_document(client, path)
    found = await diagnostics_for(client, uri, lambda d: len(d) >= 1)
    start = found[0].range.start
    line = path.read_text().splitlines()[0]
    assert start.character == len(line[:line.index("nobody")].encode("utf-8"))


async def test_utf16_positions_count_code_units(client: LanguageClient, workspace):
    await start(client, workspace)
    path = workspace / "extra.mentor"
    path.write_text('person zoe "Zoë 😀" { supervisor: nobody }\n')
    uri = open_document(client, path)
    found = await diagnostics_for(client, uri, lambda d: len(d) >= 1)
    line = path.read_text().splitlines()[0]
    prefix = line[:line.index("nobody")]
    assert found[0].range.start.character == len(prefix.encode("utf-16-le")) // 2


async def test_formatting_whole_document_and_range(client: LanguageClient, workspace):
    await start(client, workspace)
    path = workspace / "people.mentor"
    messy = 'person lee   "Lee Park"\nperson dave "Dave Okafor" {supervisor:lee}\n'
    path.write_text(messy)
    uri = open_document(client, path)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert apply_edits(messy, edits) == 'person lee "Lee Park"\nperson dave "Dave Okafor" { supervisor: lee }\n'
    # Only the second line is in range: the first keeps its spaces.
    ranged = await client.text_document_range_formatting_async(types.DocumentRangeFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=1, character=0), end=types.Position(line=1, character=5)),
        options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert apply_edits(messy, ranged) == 'person lee   "Lee Park"\nperson dave "Dave Okafor" { supervisor: lee }\n'


async def test_formatting_refuses_a_file_that_does_not_parse(client: LanguageClient, workspace):
    await start(client, workspace)
    path = workspace / "broken.mentor"
    path.write_text("person {\n")
    uri = open_document(client, path)
    with pytest.raises(Exception) as raised:
        await client.text_document_formatting_async(types.DocumentFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert "syntax errors" in str(raised.value)


def apply_edits(text: str, edits) -> str:
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position):
        if position.line >= len(lines):
            return len(text)
        return starts[position.line] + position.character

    for edit in sorted(edits or [], key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text
