;;; danelint-flycheck.el --- danelint as a Flycheck checker  -*- lexical-binding: t; -*-

;; Lints the buffer, saved or not, with danelint. Load it after Flycheck:
;;   (with-eval-after-load 'flycheck (load "/path/to/danelint-flycheck.el"))
;; and turn on flycheck-mode in zone file buffers. danelint must be on PATH.

;;; Code:

(require 'flycheck)

;; Every line of 'danelint check --stdin-filename' is about the buffer, so
;; the patterns skip the file name, which is relative to danelint's root.
(flycheck-define-checker danelint
  "DANE TLSA checks of DNS zone files with danelint."
  :command ("danelint" "check" "-q" "--stdin-filename" source-original "-")
  :standard-input t
  :error-patterns
  ((error line-start (one-or-more (not (any ":"))) ":" line ":" column
          ": error: " (message) " [" (id (one-or-more (not (any "]")))) "]"
          line-end)
   (warning line-start (one-or-more (not (any ":"))) ":" line ":" column
            ": warning: " (message) " [" (id (one-or-more (not (any "]"))))
            "]" line-end)
   (info line-start (one-or-more (not (any ":"))) ":" line ":" column
         ": note: " (message) " [" (id (one-or-more (not (any "]")))) "]"
         line-end))
  :predicate buffer-file-name
  :modes (dns-mode zone-mode))

(add-to-list 'flycheck-checkers 'danelint)

(provide 'danelint-flycheck)
;;; danelint-flycheck.el ends here
