# Both MX hosts deploy one wildcard certificate; mail2 is an alias of mx2.
pki_cert .pki wild '*.example.net' - 365 || return 1
for h in mx1 mx2; do
	mkdir -p certs/$h.example.net
	cp .pki/wild.pem certs/$h.example.net/fullchain.pem &&
		pki_key .pki next$h p256 &&
		pki_pubkey .pki/next$h.key >certs/$h.example.net/next.pem ||
		return 1
done
