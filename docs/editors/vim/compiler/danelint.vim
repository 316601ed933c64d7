" Vim compiler file for danelint: ':compiler danelint' then ':make' lints
" the repository into the quickfix list. Copy it to ~/.vim/compiler/ (Vim)
" or ~/.config/nvim/compiler/ (Neovim). danelint prints paths relative to
" the repository root, so start the editor there.
if exists('current_compiler')
  finish
endif
let current_compiler = 'danelint'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

" -q leaves out the summary line, which is no finding.
CompilerSet makeprg=danelint\ check\ -q
" 'error', 'warning' and 'note' become the types e, w and n.
CompilerSet errorformat=%f:%l:%c:\ %t%*[^:]:\ %m
