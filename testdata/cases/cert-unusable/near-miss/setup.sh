mkdir -p certs/mx1.example.net
pki_cert .pki mx1 mx1.example.net - 365 &&
	cp .pki/mx1.pem certs/mx1.example.net/fullchain.pem &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem
# DER certificate and a README-style comment before a PEM block both load.
openssl x509 -in .pki/mx1.pem -outform DER -out certs/mx1.example.net/cert.der &&
	{ echo "Deployed on mx1 since 2026-11-01"; cat .pki/mx1.pem; } >certs/mx1.example.net/annotated.pem
