# The record pins the intermediate, which fullchain.pem holds; root.pem
# lies next to it unused.
mkdir -p certs/mx1.example.net
pki_chain_dated .pki mx1.example.net 20261101000000Z 20270301000000Z &&
	cp .pki/fullchain.pem .pki/root.pem certs/mx1.example.net/ &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem
