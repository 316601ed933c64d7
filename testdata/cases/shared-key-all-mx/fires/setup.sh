# mx1 and mx2 deploy certificates of one key, each for its own name.
pki_key .pki shared p256 || return 1
for h in mx1 mx2; do
	mkdir -p certs/$h.example.net
	cp .pki/shared.key .pki/$h.key &&
		pki_cert .pki $h $h.example.net - 365 &&
		cp .pki/$h.pem certs/$h.example.net/fullchain.pem &&
		pki_key .pki next$h p256 &&
		pki_pubkey .pki/next$h.key >certs/$h.example.net/next.pem ||
		return 1
done
