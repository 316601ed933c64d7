mkdir -p certs/mx1.example.net
pki_cert .pki mx1 mx1.example.net - 365 &&
	cp .pki/mx1.pem certs/mx1.example.net/fullchain.pem &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem
# Public halves only: a certificate and a public key in PEM and DER.
openssl pkey -in .pki/mx1.key -pubout -outform DER -out certs/mx1.example.net/next-der.pub
