" Mentor source files: `*.mentor`.
autocmd BufRead,BufNewFile *.mentor setfiletype mentor
