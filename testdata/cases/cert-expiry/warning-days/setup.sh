# The same certificate, with expiry-warning-days raised to 100.
mkdir -p certs/mx1.example.net
pki_chain_dated .pki mx1.example.net 20261101000000Z 20270301000000Z &&
	cp .pki/fullchain.pem certs/mx1.example.net/fullchain.pem &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem
