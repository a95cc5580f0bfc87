/// Lays a `FormatDoc` out in lines of at most `width` columns (Unicode scalars) where it can:
/// each group is flat if it and what follows it up to the next possible break fit.
///
/// A document can be printed in pieces (`print`, then `finish`), each starting at a line break
/// of the whole: what a group may share its line with ends at that break, so the pieces give
/// the same text as the whole, and a file's layout document never has to exist whole.
struct FormatLayout {
    /// The column limit.
    let width: Int
    /// Spaces per indentation level.
    let indentWidth: Int

    private enum Mode { case flat, broken }
    private struct Command {
        let indent: Int
        let mode: Mode
        let doc: FormatDoc
    }

    private var output = ""
    private var column = 0
    private var lineIsEmpty = true
    private var pendingIndent = 0
    private var suffixes: [String] = []
    // Set after an inline comment: the next text on the line is separated from it by a space.
    private var spaceAfterComment = false

    /// A layout with nothing printed yet.
    init(width: Int, indentWidth: Int) {
        self.width = width
        self.indentWidth = indentWidth
    }

    private mutating func trimTrailingSpaces() {
        while output.last == " " { output.removeLast() }
    }

    private mutating func newline(indent: Int) {
        trimTrailingSpaces()
        for suffix in suffixes { output += suffix }
        suffixes.removeAll()
        if !output.isEmpty { output += "\n" }
        column = 0
        lineIsEmpty = true
        spaceAfterComment = false
        pendingIndent = indent
    }

    // A break on a line that is still empty only sets the indentation of what comes next.
    private mutating func breakLine(_ indent: Int) {
        if !lineIsEmpty || !suffixes.isEmpty { newline(indent: indent) } else { pendingIndent = indent }
    }

    private mutating func write(_ text: String, width: Int, multiline: Bool) {
        guard !text.isEmpty else { return }
        if spaceAfterComment {
            spaceAfterComment = false
            if !text.hasPrefix(" ") { write(" ", width: 1, multiline: false) }
        }
        if lineIsEmpty {
            // A line never starts with the space that separated it from the previous one.
            if text == " " { return }
            output += String(repeating: " ", count: pendingIndent)
            column = pendingIndent
            lineIsEmpty = false
        }
        output += text
        column = multiline ? width : column + width
    }

    /// Prints the next piece of the document, at indentation 0, broken.
    mutating func print(_ doc: FormatDoc) {
        var stack = [Command(indent: 0, mode: .broken, doc: doc)]
        while let command = stack.popLast() {
            switch command.doc {
            case .text(let text, let width, let multiline):
                write(text, width: width, multiline: multiline)
            case .line:
                if command.mode == .flat {
                    write(" ", width: 1, multiline: false)
                } else {
                    breakLine(command.indent)
                }
            case .softLine:
                if command.mode == .broken { breakLine(command.indent) }
            case .hardLine:
                breakLine(command.indent)
            case .blankLine:
                if !lineIsEmpty || !suffixes.isEmpty { newline(indent: command.indent) }
                if !output.isEmpty, !output.hasSuffix("\n\n") { output += "\n" }
                pendingIndent = command.indent
            case .choice(let broken, let flat):
                let text = command.mode == .broken ? broken : flat
                write(text, width: text.unicodeScalars.count, multiline: false)
            case .group(let docs, let breaks):
                var mode = command.mode
                if mode == .broken {
                    let flat = docs.map { Command(indent: command.indent, mode: .flat, doc: $0) }
                    mode = !breaks && fits(flat, rest: stack, remaining: width - column) ? .flat : .broken
                }
                for doc in docs.reversed() { stack.append(Command(indent: command.indent, mode: mode, doc: doc)) }
            case .indent(let docs):
                for doc in docs.reversed() {
                    stack.append(Command(indent: command.indent + indentWidth, mode: command.mode, doc: doc))
                }
            case .concat(let docs):
                for doc in docs.reversed() { stack.append(Command(indent: command.indent, mode: command.mode, doc: doc)) }
            case .lineSuffix(let text):
                if lineIsEmpty, suffixes.isEmpty, output.hasSuffix("\n") {
                    // The line it trails was already ended (the break came first in the doc): it
                    // goes back to the end of that line.
                    var breaks = ""
                    while output.hasSuffix("\n") {
                        output.removeLast()
                        breaks += "\n"
                    }
                    trimTrailingSpaces()
                    output += text + breaks
                } else {
                    suffixes.append(text)
                }
            case .inlineComment(let text, let width, let multiline):
                if !lineIsEmpty, !output.hasSuffix(" ") { write(" ", width: 1, multiline: false) }
                write(text, width: width, multiline: multiline)
                spaceAfterComment = true
            }
        }
    }

    /// The text printed so far, ended: trailing spaces and pending suffixes settled, one final
    /// line break unless it is empty.
    mutating func finish() -> String {
        trimTrailingSpaces()
        for suffix in suffixes { output += suffix }
        suffixes.removeAll()
        while output.hasSuffix("\n") { output.removeLast() }
        if !output.isEmpty { output += "\n" }
        return output
    }

    /// Whether `commands` laid out flat, followed by `rest` up to its first line break, fit
    /// in `remaining` columns.
    private func fits(_ commands: [Command], rest: [Command], remaining: Int) -> Bool {
        var remaining = remaining
        var work = Array(commands.reversed())
        var restIndex = rest.count
        while true {
            if remaining < 0 { return false }
            let command: Command
            if let next = work.popLast() {
                command = next
            } else {
                guard restIndex > 0 else { return true }
                restIndex -= 1
                command = rest[restIndex]
            }
            switch command.doc {
            case .text(let text, let width, let multiline), .inlineComment(let text, let width, let multiline):
                if multiline {
                    // Only the first line of multi-line text extends the current line.
                    let first = text.prefix { $0 != "\n" }.unicodeScalars.count
                    return remaining - first >= 0
                }
                remaining -= width
            case .line:
                if command.mode == .broken { return true }
                remaining -= 1
            case .softLine:
                if command.mode == .broken { return true }
            case .hardLine, .blankLine:
                return true
            case .choice(let broken, let flat):
                remaining -= (command.mode == .broken ? broken : flat).unicodeScalars.count
            case .group(let docs, let breaks):
                let mode: Mode = breaks ? .broken : command.mode
                for doc in docs.reversed() { work.append(Command(indent: command.indent, mode: mode, doc: doc)) }
            case .indent(let docs), .concat(let docs):
                for doc in docs.reversed() { work.append(Command(indent: command.indent, mode: command.mode, doc: doc)) }
            case .lineSuffix:
                break
            }
        }
    }
}

extension FormatLayout {
    /// True when `doc` can be laid out flat within `width` columns.
    static func fitsOnOneLine(_ doc: FormatDoc, width: Int) -> Bool {
        if doc.forcesBreak { return false }
        var total = 0
        var work = [doc]
        while let next = work.popLast() {
            switch next {
            case .text(_, let textWidth, let multiline):
                if multiline { return false }
                total += textWidth
            case .inlineComment(_, let textWidth, let multiline):
                if multiline { return false }
                total += textWidth + 2
            case .line: total += 1
            case .softLine: break
            case .hardLine, .blankLine, .lineSuffix: return false
            case .choice(_, let flat): total += flat.unicodeScalars.count
            case .group(let docs, _), .indent(let docs), .concat(let docs): work += docs
            }
            if total > width { return false }
        }
        return true
    }
}
