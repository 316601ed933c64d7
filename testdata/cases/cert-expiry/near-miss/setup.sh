# The certificate expires on 2027-03-01, 87 days after the reference time.
mkdir -p certs/mx1.example.net
pki_chain_dated .pki mx1.example.net 20261101000000Z 20270301000000Z &&
	cp .pki/fullchain.pem certs/mx1.example.net/fullchain.pem &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem
