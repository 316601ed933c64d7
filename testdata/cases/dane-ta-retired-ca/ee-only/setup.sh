# An expired intermediate, but only DANE-EE(3) records, which ignore it.
mkdir -p certs/mx1.example.net
pki_ca_dated .pki root - 20200101000000Z 20400101000000Z &&
	pki_ca_dated .pki intermediate root 20200101000000Z 20260101000000Z &&
	pki_cert_dated .pki leaf mx1.example.net intermediate \
		20261101000000Z 20270301000000Z &&
	cat .pki/leaf.pem .pki/intermediate.pem \
		>certs/mx1.example.net/fullchain.pem &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem
