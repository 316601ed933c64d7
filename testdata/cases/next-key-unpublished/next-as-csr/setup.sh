# The next key staged as a certificate request; its record is published.
mkdir -p certs/mx1.example.net
pki_key .pki mx1 rsa2048 &&
	pki_cert .pki mx1 mx1.example.net - 365 &&
	cp .pki/mx1.pem certs/mx1.example.net/fullchain.pem &&
	pki_key .pki next rsa2048 &&
	pki_csr .pki next mx1.example.net &&
	cp .pki/next.csr certs/mx1.example.net/next.csr
