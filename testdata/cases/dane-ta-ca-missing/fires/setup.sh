# The record pins the root, which is in root.pem but not in fullchain.pem.
mkdir -p certs/mx1.example.net
pki_chain_dated .pki mx1.example.net 20261101000000Z 20270301000000Z &&
	cp .pki/fullchain.pem .pki/root.pem certs/mx1.example.net/ &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem
