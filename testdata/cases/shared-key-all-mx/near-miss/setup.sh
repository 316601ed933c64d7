# example.net: two hosts, two keys. example.org: its only MX host shares
# mx1's key, and one host cannot fail alone.
for h in mx1 mx2; do
	mkdir -p certs/$h.example.net
	pki_cert .pki $h $h.example.net - 365 &&
		cp .pki/$h.pem certs/$h.example.net/fullchain.pem &&
		pki_key .pki next$h p256 &&
		pki_pubkey .pki/next$h.key >certs/$h.example.net/next.pem ||
		return 1
done
