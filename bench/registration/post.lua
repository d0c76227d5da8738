-- wrk script: every request registers one incoming item.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("NASKAH_TOKEN")
wrk.body = '{"channel":"whatsapp","sender":"Warga RT 03","subject":"Bantuan PKH belum cair",' ..
           '"summary":"Bantuan PKH triwulan III belum diterima.","complaint_kind":"pengaduan",' ..
           '"scale":"kecil","urgency":"segera","reporter":{"name":"Siti","phone":"081234567890"}}'
