# "*.example.net" covers one label: not mx1.mail.example.net.
mkdir -p certs/mx1.mail.example.net
pki_chain_dated .pki '*.example.net' 20261101000000Z 20270301000000Z &&
	cp .pki/fullchain.pem certs/mx1.mail.example.net/fullchain.pem &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.mail.example.net/next.pem
