" Mentor syntax: the same token rules as the lexer (Sources/MentorSyntax/Lexer*.swift) and the
" TextMate grammar (Grammar/mentor.tmLanguage.json). The reserved words and declaration words
" are checked against the lexer's vocabulary by EditorGrammarTests.
if exists('b:current_syntax')
  finish
endif

" Reserved words.
syntax keyword mentorStatement let fn
syntax keyword mentorConditional if then else
syntax keyword mentorRepeat for in where
syntax keyword mentorBoolean true false
syntax keyword mentorNone none
syntax keyword mentorOperatorWord and or not with every
syntax keyword mentorRuleStatement require warn fail expect
syntax keyword mentorInclude import

" Declaration words are names elsewhere (`print(agreement)`), so they are declarations only at
" the start of a statement or member (after a block comment, too) and before the declared
" name, number, title or body.
let s:start = '\v%(^|%([;{,]|\*\/)@<=)\s*\zs'
execute 'syntax match mentorDeclaration /' . s:start . '<%(agenda|agreement|competency|field|goal|pathway|person|step|waiver)>\ze\s+\k/ nextgroup=mentorDeclaredName skipwhite'
execute 'syntax match mentorDeclaration /' . s:start . '<rule>\ze\s+\k/ nextgroup=mentorRuleName skipwhite'
execute 'syntax match mentorDeclaration /' . s:start . '<session>\ze\s+\d/ nextgroup=mentorInteger skipwhite'
execute 'syntax match mentorDeclaration /' . s:start . '<%(program|test)>\ze\s*%("|\{|$)/'
syntax match mentorDeclaredName /\k\+/ contained
syntax match mentorRuleName /\k\+/ contained nextgroup=mentorWarning skipwhite
syntax keyword mentorWarning warning contained
syntax match mentorFunctionName /\v%(<fn\s+)@<=\k+/
syntax match mentorField /\v<%(\d)@!\k+\ze\s*:/

" Operators come before comments so that `//` and `/*` (defined later) win over `/`.
syntax match mentorOperator /\v[=!<>]\=|\=\>|\?\?|[-+*/<>=]/

" Literals, from the least to the most specific: at one position the last match defined wins.
syntax match mentorInteger /\v<\d+>/
syntax match mentorMalformedNumber /\v<\d+%(\.\d+)?\%?[[:alpha:]_]\k*/
syntax match mentorDecimal /\v<\d+\.\d+>/
syntax match mentorPercentage /\v<\d+%(\.\d+)?\%/
syntax match mentorTime /\v<\d+:\d+>/
syntax match mentorDate /\v<\d{4}-\d{2}-\d{2}>/
syntax match mentorDuration /\v<\d+[ \t]+%(minute|hour|day|week|month|year)s?>/
syntax match mentorMalformedNumber /\v<\d+\.\d+[ \t]+%(minute|hour|day|week|month|year)s?>/

" Strings: escapes, and `\( … )` holding code (with its own parentheses nested).
syntax match mentorEscapeError /\v\\[^(]/ contained
syntax match mentorEscape /\v\\%([\\"ntr0]|u\{\x{1,8}\})/ contained
syntax region mentorInterpolation matchgroup=mentorInterpolationDelimiter start=/\\(/ end=/)/ contained contains=@mentorCode
syntax region mentorParentheses start=/(/ end=/)/ transparent contains=@mentorCode
syntax region mentorString start=/"/ end=/"\|$/ contains=mentorEscape,mentorEscapeError,mentorInterpolation
syntax region mentorString start=/"""/ end=/"""/ contains=mentorEscape,mentorEscapeError,mentorInterpolation

" Comments: `/* */` nests, `///` documents (four or more slashes are decoration).
syntax keyword mentorTodo TODO FIXME XXX NOTE contained
syntax region mentorBlockComment start=+/\*+ end=+\*/+ contains=mentorBlockComment,mentorTodo
syntax match mentorLineComment +//.*+ contains=mentorTodo
syntax match mentorDocComment +///\%(/\)\@!.*+ contains=mentorTodo

syntax cluster mentorCode contains=mentorStatement,mentorConditional,mentorRepeat,mentorBoolean,mentorNone,
      \mentorOperatorWord,mentorRuleStatement,mentorField,mentorOperator,mentorInteger,mentorMalformedNumber,
      \mentorDecimal,mentorPercentage,mentorTime,mentorDate,mentorDuration,mentorString,mentorParentheses,
      \mentorBlockComment,mentorLineComment

" Block comments and `"""` strings span lines; Mentor files are small enough to read from the top.
syntax sync fromstart

highlight default link mentorStatement Statement
highlight default link mentorConditional Conditional
highlight default link mentorRepeat Repeat
highlight default link mentorBoolean Boolean
highlight default link mentorNone Constant
highlight default link mentorOperatorWord Operator
highlight default link mentorRuleStatement Keyword
highlight default link mentorInclude Include
highlight default link mentorDeclaration Structure
highlight default link mentorDeclaredName Identifier
highlight default link mentorRuleName Identifier
highlight default link mentorWarning StorageClass
highlight default link mentorFunctionName Function
highlight default link mentorField Identifier
highlight default link mentorOperator Operator
highlight default link mentorInteger Number
highlight default link mentorDecimal Float
highlight default link mentorPercentage Number
highlight default link mentorTime Constant
highlight default link mentorDate Constant
highlight default link mentorDuration Number
highlight default link mentorMalformedNumber Error
highlight default link mentorString String
highlight default link mentorEscape SpecialChar
highlight default link mentorEscapeError Error
highlight default link mentorInterpolationDelimiter Delimiter
highlight default link mentorTodo Todo
highlight default link mentorBlockComment Comment
highlight default link mentorLineComment Comment
highlight default link mentorDocComment SpecialComment

let b:current_syntax = 'mentor'
