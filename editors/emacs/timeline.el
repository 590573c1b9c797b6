;;; timeline.el --- Timeline files with Eglot -*- lexical-binding: t; -*-

;; Usage: (load "/path/to/timeline/editors/emacs/timeline.el") in your init file, with
;; `timeline' on your PATH (or set `timeline-executable').  Needs Emacs 29 (Eglot built in)
;; and yaml-mode or yaml-ts-mode for highlighting.

;;; Code:

(require 'eglot)

(defgroup timeline nil "Chronologies of events kept as YAML." :group 'languages)

(defcustom timeline-executable "timeline"
  "The `timeline' executable, run as `timeline lsp'."
  :type 'string)

(define-derived-mode timeline-mode
  (if (fboundp 'yaml-ts-mode) 'yaml-ts-mode (if (fboundp 'yaml-mode) 'yaml-mode 'text-mode))
  "Timeline"
  "Major mode for Timeline files: YAML with the Timeline language server.")

(dolist (pattern '("\\.timeline\\.yaml\\'" "\\.places\\.yaml\\'" "\\.actors\\.yaml\\'"
                   "\\.sources\\.yaml\\'" "/timeline\\.config\\.yaml\\'"))
  (add-to-list 'auto-mode-alist (cons pattern 'timeline-mode)))

(add-to-list 'eglot-server-programs
             `(timeline-mode . (,timeline-executable "lsp")))

;; The project root is the nearest folder upwards with timeline.config.yaml.
(defun timeline--project (dir)
  (when-let ((root (locate-dominating-file dir "timeline.config.yaml")))
    (cons 'timeline root)))
(cl-defmethod project-root ((project (head timeline))) (cdr project))
(add-hook 'project-find-functions #'timeline--project)

(add-hook 'timeline-mode-hook #'eglot-ensure)

(provide 'timeline)
;;; timeline.el ends here
