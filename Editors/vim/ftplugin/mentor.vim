" Mentor: comments, indentation and formatting through `mentor fmt`.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

" `gcc`-style plugins and `:h 'commentstring'` toggle with `//`; `gq` keeps `///` doc
" comments and `//` comments as comments when it wraps them.
setlocal commentstring=//\ %s
setlocal comments=s1:/*,mb:*,ex:*/,:///,://
" The canonical layout (docs/formatting.md): two spaces a level, no tabs.
setlocal expandtab shiftwidth=2 softtabstop=2
setlocal suffixesadd=.mentor

" The executable to run; set g:mentor_executable when `mentor` is not on the PATH.
let s:mentor = get(g:, 'mentor_executable', 'mentor')

" `mentor fmt` with no path formats standard input, so `gq` over whole declarations (or
" `gggqG` for the buffer) lays them out canonically.
let &l:formatprg = shellescape(s:mentor) . ' fmt'

" Formats the whole buffer; on a syntax error it leaves the text as it was and shows the
" diagnostics, which a `gq` filter would have put in place of the text.
function! s:Format() abort
  let l:view = winsaveview()
  let l:output = systemlist([s:mentor, 'fmt'], getline(1, '$'))
  if v:shell_error != 0
    echohl ErrorMsg
    for l:line in l:output
      echomsg l:line
    endfor
    echohl None
    return
  endif
  if l:output !=# getline(1, '$')
    call setline(1, l:output)
    if line('$') > len(l:output)
      silent execute (len(l:output) + 1) . ',$delete _'
    endif
  endif
  call winrestview(l:view)
endfunction

command! -buffer -bar MentorFormat call s:Format()

let b:undo_ftplugin = 'setlocal commentstring< comments< expandtab< shiftwidth< softtabstop< suffixesadd< formatprg<'
      \ . ' | delcommand MentorFormat'
