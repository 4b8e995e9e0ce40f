-- What the admin shows of the business tables: labels in French and English, menu groups, the
-- column naming each row, default list columns, and how columns are edited (money, long text,
-- images, hidden internals). Written as the JSON comments that public.admin_catalog() returns
-- (the convention: supabase/README.md, "The admin's catalog and the comment convention";
-- the keys: admin/src/catalog/types.ts CommentMeta).
--
-- A later migration adds or changes one comment with a plain statement, e.g.
--   comment on column public.products.brand is '{"label": {"fr": "Marque", "en": "Brand"}}';
-- Here every business table is annotated at once from two JSON documents: labels shared by columns
-- of the same name in every table, and each table's own comment and column comments (a column's
-- own keys win over the shared ones). A table or column named here that does not exist stops the
-- migration, as a plain COMMENT ON would.

do $migration$
declare
  -- Columns that mean the same wherever they appear.
  shared jsonb := $json${
    "id": {"label": {"fr": "Identifiant", "en": "ID"}, "order": 0},
    "created_at": {"label": {"fr": "Créé le", "en": "Created"}, "order": 900},
    "updated_at": {"label": {"fr": "Modifié le", "en": "Updated"}, "order": 910},
    "created_by": {"label": {"fr": "Créé par", "en": "Created by"}, "order": 920},
    "name": {"label": {"fr": "Nom", "en": "Name"}},
    "code": {"label": {"fr": "Code", "en": "Code"}},
    "slug": {"label": {"fr": "Slug", "en": "Slug"}},
    "title": {"label": {"fr": "Titre", "en": "Title"}},
    "description": {"label": {"fr": "Description", "en": "Description"}, "widget": "textarea"},
    "notes": {"label": {"fr": "Notes", "en": "Notes"}, "widget": "textarea"},
    "note": {"label": {"fr": "Note", "en": "Note"}, "widget": "textarea"},
    "status": {"label": {"fr": "Statut", "en": "Status"}},
    "kind": {"label": {"fr": "Type", "en": "Kind"}},
    "position": {"label": {"fr": "Position", "en": "Position"}},
    "locale": {"label": {"fr": "Langue", "en": "Language"}},
    "currency": {"label": {"fr": "Devise", "en": "Currency"}},
    "email": {"label": {"fr": "E-mail", "en": "E-mail"}, "widget": "email"},
    "phone": {"label": {"fr": "Téléphone", "en": "Phone"}},
    "channel": {"label": {"fr": "Canal", "en": "Channel"}},
    "reason": {"label": {"fr": "Motif", "en": "Reason"}},
    "quantity": {"label": {"fr": "Quantité", "en": "Quantity"}},
    "shop_id": {"label": {"fr": "Boutique", "en": "Shop"}},
    "customer_id": {"label": {"fr": "Client", "en": "Customer"}},
    "order_id": {"label": {"fr": "Commande", "en": "Order"}},
    "product_id": {"label": {"fr": "Produit", "en": "Product"}},
    "variant_id": {"label": {"fr": "Variante", "en": "Variant"}},
    "supplier_id": {"label": {"fr": "Fournisseur", "en": "Supplier"}},
    "warehouse_id": {"label": {"fr": "Entrepôt", "en": "Warehouse"}},
    "category_id": {"label": {"fr": "Catégorie", "en": "Category"}},
    "return_id": {"label": {"fr": "Retour", "en": "Return"}},
    "segment_id": {"label": {"fr": "Segment", "en": "Segment"}},
    "invoice_id": {"label": {"fr": "Facture", "en": "Invoice"}},
    "content": {"label": {"fr": "Contenu", "en": "Content"}},
    "published_content": {"label": {"fr": "Contenu publié", "en": "Published content"}},
    "version": {"label": {"fr": "Version", "en": "Version"}},
    "published_version": {"label": {"fr": "Version publiée", "en": "Published version"}},
    "published_at": {"label": {"fr": "Publié le", "en": "Published"}},
    "lead_time_days": {"label": {"fr": "Délai (jours)", "en": "Lead time (days)"}},
    "discount_cents": {"label": {"fr": "Remise", "en": "Discount"}},
    "tax_cents": {"label": {"fr": "TVA", "en": "Tax"}},
    "subtotal_cents": {"label": {"fr": "Sous-total", "en": "Subtotal"}},
    "total_cents": {"label": {"fr": "Total", "en": "Total"}},
    "price_cents": {"label": {"fr": "Prix", "en": "Price"}},
    "amount_cents": {"label": {"fr": "Montant", "en": "Amount"}},
    "unit_price_cents": {"label": {"fr": "Prix unitaire", "en": "Unit price"}},
    "unit_cost_cents": {"label": {"fr": "Coût unitaire", "en": "Unit cost"}},
    "line_total_cents": {"label": {"fr": "Total de la ligne", "en": "Line total"}},
    "tax_rate_bp": {"label": {"fr": "Taux de TVA (points de base)", "en": "Tax rate (basis points)"}},
    "cost_cents": {"label": {"fr": "Coût", "en": "Cost"}},
    "legal_name": {"label": {"fr": "Raison sociale", "en": "Legal name"}},
    "display_name": {"label": {"fr": "Nom affiché", "en": "Display name"}},
    "sku": {"label": {"fr": "Référence (SKU)", "en": "SKU"}}
  }$json$;

  -- Each table: its own comment, and the comments of its columns. Money columns name the column
  -- holding their currency; where a table has none, the amounts are in the shop's currency, which
  -- the comment cannot name yet, so they say "EUR", the currency of every shop today.
  tables jsonb := $json${
    "shops": {
      "comment": {"label": {"fr": "Boutiques", "en": "Shops"}, "group": "settings", "order": 10, "title": "name",
                  "list": ["name", "code", "domain", "currency", "locale", "status"]},
      "columns": {
        "domain": {"label": {"fr": "Domaine", "en": "Domain"}},
        "theme": {"label": {"fr": "Thème", "en": "Theme"}},
        "vat_number": {"label": {"fr": "N° de TVA", "en": "VAT number"}}
      }
    },
    "profiles": {
      "comment": {"label": {"fr": "Profils", "en": "Profiles"}, "group": "settings", "order": 20, "title": "display_name"},
      "columns": {}
    },
    "memberships": {
      "comment": {"label": {"fr": "Rôles", "en": "Memberships"}, "group": "settings", "order": 30, "title": "role"},
      "columns": {
        "user_id": {"label": {"fr": "Personne", "en": "Person"}},
        "role": {"label": {"fr": "Rôle", "en": "Role"}}
      }
    },
    "audit_log": {
      "comment": {"label": {"fr": "Journal d'audit", "en": "Audit log"}, "group": "settings", "order": 90,
                  "list": ["occurred_at", "table_name", "operation", "row_id", "actor_role", "changed_columns"]},
      "columns": {
        "occurred_at": {"label": {"fr": "Date", "en": "When"}},
        "actor_id": {"label": {"fr": "Auteur", "en": "Actor"}},
        "actor_role": {"label": {"fr": "Rôle de l'auteur", "en": "Actor role"}},
        "table_name": {"label": {"fr": "Table", "en": "Table"}},
        "row_id": {"label": {"fr": "Ligne", "en": "Row"}},
        "operation": {"label": {"fr": "Opération", "en": "Operation"}},
        "old_values": {"label": {"fr": "Avant", "en": "Before"}},
        "new_values": {"label": {"fr": "Après", "en": "After"}},
        "changed_columns": {"label": {"fr": "Colonnes modifiées", "en": "Changed columns"}}
      }
    },
    "email_deliveries": {
      "comment": {"label": {"fr": "E-mails envoyés", "en": "E-mail deliveries"}, "group": "settings", "order": 80, "title": "recipient",
                  "list": ["recipient", "template", "status", "attempts", "created_at", "sent_at"]},
      "columns": {
        "dedupe_key": {"label": {"fr": "Clé de dédoublonnage", "en": "Dedupe key"}},
        "recipient": {"label": {"fr": "Destinataire", "en": "Recipient"}},
        "template": {"label": {"fr": "Modèle", "en": "Template"}},
        "transport": {"label": {"fr": "Transport", "en": "Transport"}},
        "attempts": {"label": {"fr": "Tentatives", "en": "Attempts"}},
        "last_error": {"label": {"fr": "Dernière erreur", "en": "Last error"}, "widget": "textarea"},
        "provider_message_id": {"label": {"fr": "Identifiant du fournisseur", "en": "Provider message ID"}},
        "sent_at": {"label": {"fr": "Envoyé le", "en": "Sent"}}
      }
    },
    "document_sequences": {
      "comment": {"label": {"fr": "Numérotation", "en": "Document numbering"}, "group": "settings", "order": 40},
      "columns": {
        "year": {"label": {"fr": "Année", "en": "Year"}},
        "last_value": {"label": {"fr": "Dernier numéro", "en": "Last number"}}
      }
    },
    "order_status_transitions": {
      "comment": {"label": {"fr": "Transitions de statut", "en": "Status transitions"}, "group": "settings", "order": 50},
      "columns": {
        "from_status": {"label": {"fr": "De", "en": "From"}},
        "to_status": {"label": {"fr": "Vers", "en": "To"}}
      }
    },

    "customer_groups": {
      "comment": {"label": {"fr": "Groupes de clients", "en": "Customer groups"}, "group": "customers", "order": 40, "title": "name"},
      "columns": {}
    },
    "categories": {
      "comment": {"label": {"fr": "Catégories", "en": "Categories"}, "group": "catalogue", "order": 40, "title": "name"},
      "columns": {
        "parent_id": {"label": {"fr": "Catégorie parente", "en": "Parent category"}}
      }
    },
    "category_translations": {
      "comment": {"label": {"fr": "Traductions des catégories", "en": "Category translations"}, "group": "catalogue", "order": 110, "title": "name"},
      "columns": {}
    },
    "attribute_definitions": {
      "comment": {"label": {"fr": "Attributs", "en": "Attributes"}, "group": "catalogue", "order": 50, "title": "code"},
      "columns": {
        "label_fr": {"label": {"fr": "Libellé (français)", "en": "Label (French)"}},
        "label_en": {"label": {"fr": "Libellé (anglais)", "en": "Label (English)"}},
        "allowed_values": {"label": {"fr": "Valeurs permises", "en": "Allowed values"}},
        "required": {"label": {"fr": "Obligatoire", "en": "Required"}}
      }
    },
    "products": {
      "comment": {"label": {"fr": "Produits", "en": "Products"}, "group": "catalogue", "order": 10, "title": "name",
                  "list": ["name", "sku", "brand", "category_id", "status", "updated_at"]},
      "columns": {
        "name": {"order": 1},
        "sku": {"order": 2},
        "brand": {"label": {"fr": "Marque", "en": "Brand"}},
        "is_bundle": {"label": {"fr": "Lot", "en": "Bundle"}},
        "tags": {"label": {"fr": "Étiquettes", "en": "Tags"}},
        "search": {"label": {"fr": "Recherche", "en": "Search"}, "hidden": true}
      }
    },
    "product_variants": {
      "comment": {"label": {"fr": "Variantes", "en": "Variants"}, "group": "catalogue", "order": 20, "title": "sku",
                  "list": ["sku", "product_id", "price_cents", "barcode", "status", "position"]},
      "columns": {
        "attributes": {"label": {"fr": "Attributs", "en": "Attributes"}},
        "price_cents": {"widget": "money", "currency": "currency"},
        "barcode": {"label": {"fr": "Code-barres", "en": "Barcode"}},
        "weight_grams": {"label": {"fr": "Poids (g)", "en": "Weight (g)"}},
        "allow_backorder": {"label": {"fr": "Vente sans stock", "en": "Allow backorder"}},
        "low_stock_threshold": {"label": {"fr": "Seuil de stock bas", "en": "Low stock threshold"}}
      }
    },
    "variant_costs": {
      "comment": {"label": {"fr": "Coûts des variantes", "en": "Variant costs"}, "group": "catalogue", "order": 30},
      "columns": {
        "cost_cents": {"widget": "money", "currency": "currency"}
      }
    },
    "product_bundle_items": {
      "comment": {"label": {"fr": "Composants des lots", "en": "Bundle components"}, "group": "catalogue", "order": 70},
      "columns": {
        "bundle_product_id": {"label": {"fr": "Lot", "en": "Bundle"}},
        "component_variant_id": {"label": {"fr": "Composant", "en": "Component"}}
      }
    },
    "product_media": {
      "comment": {"label": {"fr": "Médias", "en": "Media"}, "group": "catalogue", "order": 60, "title": "storage_path"},
      "columns": {
        "storage_path": {"label": {"fr": "Fichier", "en": "File"}, "widget": "image", "bucket": "product-media"},
        "alt": {"label": {"fr": "Texte alternatif", "en": "Alt text"}}
      }
    },
    "product_listings": {
      "comment": {"label": {"fr": "Fiches boutique", "en": "Shop listings"}, "group": "catalogue", "order": 80, "title": "title",
                  "list": ["product_id", "shop_id", "title", "price_cents", "visible", "published_at"]},
      "columns": {
        "price_cents": {"label": {"fr": "Prix en boutique", "en": "Shop price"}, "widget": "money", "currency": "EUR"},
        "visible": {"label": {"fr": "Visible", "en": "Visible"}}
      }
    },
    "price_breaks": {
      "comment": {"label": {"fr": "Prix dégressifs", "en": "Price breaks"}, "group": "catalogue", "order": 90},
      "columns": {
        "listing_id": {"label": {"fr": "Fiche boutique", "en": "Shop listing"}},
        "min_quantity": {"label": {"fr": "À partir de", "en": "From quantity"}},
        "price_cents": {"label": {"fr": "Prix unitaire", "en": "Unit price"}, "widget": "money", "currency": "EUR"}
      }
    },
    "group_prices": {
      "comment": {"label": {"fr": "Prix par groupe", "en": "Group prices"}, "group": "catalogue", "order": 95},
      "columns": {
        "customer_group_id": {"label": {"fr": "Groupe de clients", "en": "Customer group"}},
        "price_cents": {"widget": "money", "currency": "EUR"}
      }
    },
    "product_translations": {
      "comment": {"label": {"fr": "Traductions des produits", "en": "Product translations"}, "group": "catalogue", "order": 100, "title": "name"},
      "columns": {}
    },

    "customers": {
      "comment": {"label": {"fr": "Clients", "en": "Customers"}, "group": "customers", "order": 10, "title": "display_name",
                  "list": ["display_name", "email", "home_shop_id", "segment", "orders_count", "total_spent_cents", "last_order_at"]},
      "columns": {
        "display_name": {"label": {"fr": "Nom", "en": "Name"}, "order": 1},
        "email": {"order": 2},
        "phone_encrypted": {"label": {"fr": "Téléphone (chiffré)", "en": "Phone (encrypted)"}, "hidden": true},
        "customer_group_id": {"label": {"fr": "Groupe", "en": "Group"}},
        "home_shop_id": {"label": {"fr": "Boutique d'origine", "en": "Home shop"}},
        "merged_into_id": {"label": {"fr": "Fusionné dans", "en": "Merged into"}},
        "loyalty_points": {"label": {"fr": "Points de fidélité", "en": "Loyalty points"}},
        "orders_count": {"label": {"fr": "Commandes", "en": "Orders"}},
        "total_spent_cents": {"label": {"fr": "Total dépensé", "en": "Total spent"}, "widget": "money", "currency": "EUR"},
        "average_basket_cents": {"label": {"fr": "Panier moyen", "en": "Average basket"}, "widget": "money", "currency": "EUR"},
        "first_order_at": {"label": {"fr": "Première commande", "en": "First order"}},
        "last_order_at": {"label": {"fr": "Dernière commande", "en": "Last order"}},
        "segment": {"label": {"fr": "Segment", "en": "Segment"}}
      }
    },
    "customer_shops": {
      "comment": {"label": {"fr": "Boutiques des clients", "en": "Customer shops"}, "group": "customers", "order": 50},
      "columns": {
        "first_seen_at": {"label": {"fr": "Vu pour la première fois", "en": "First seen"}}
      }
    },
    "customer_identities": {
      "comment": {"label": {"fr": "Identités des clients", "en": "Customer identities"}, "group": "customers", "order": 20, "title": "display"},
      "columns": {
        "value_hash": {"label": {"fr": "Empreinte", "en": "Hash"}, "hidden": true},
        "value_encrypted": {"label": {"fr": "Valeur (chiffrée)", "en": "Value (encrypted)"}, "hidden": true},
        "display": {"label": {"fr": "Valeur", "en": "Value"}},
        "verified": {"label": {"fr": "Vérifiée", "en": "Verified"}}
      }
    },
    "customer_merges": {
      "comment": {"label": {"fr": "Fusions de clients", "en": "Customer merges"}, "group": "customers", "order": 80},
      "columns": {
        "kept_customer_id": {"label": {"fr": "Client conservé", "en": "Kept customer"}},
        "merged_customer_id": {"label": {"fr": "Client fusionné", "en": "Merged customer"}},
        "merged_by": {"label": {"fr": "Fusionné par", "en": "Merged by"}},
        "merged_at": {"label": {"fr": "Fusionné le", "en": "Merged"}},
        "snapshot": {"label": {"fr": "Instantané", "en": "Snapshot"}}
      }
    },
    "customer_addresses": {
      "comment": {"label": {"fr": "Adresses", "en": "Addresses"}, "group": "customers", "order": 30, "title": "label"},
      "columns": {
        "label": {"label": {"fr": "Libellé", "en": "Label"}},
        "address_encrypted": {"label": {"fr": "Adresse (chiffrée)", "en": "Address (encrypted)"}, "hidden": true},
        "country_code": {"label": {"fr": "Pays", "en": "Country"}},
        "is_default": {"label": {"fr": "Par défaut", "en": "Default"}}
      }
    },
    "customer_consents": {
      "comment": {"label": {"fr": "Consentements (historique)", "en": "Consents (history)"}, "group": "customers", "order": 61},
      "columns": {
        "purpose": {"label": {"fr": "Finalité", "en": "Purpose"}},
        "granted": {"label": {"fr": "Accordé", "en": "Granted"}},
        "source": {"label": {"fr": "Source", "en": "Source"}},
        "recorded_at": {"label": {"fr": "Enregistré le", "en": "Recorded"}},
        "recorded_by": {"label": {"fr": "Enregistré par", "en": "Recorded by"}}
      }
    },
    "customer_current_consents": {
      "comment": {"label": {"fr": "Consentements", "en": "Consents"}, "group": "customers", "order": 60},
      "columns": {
        "purpose": {"label": {"fr": "Finalité", "en": "Purpose"}},
        "granted": {"label": {"fr": "Accordé", "en": "Granted"}},
        "source": {"label": {"fr": "Source", "en": "Source"}},
        "recorded_at": {"label": {"fr": "Enregistré le", "en": "Recorded"}},
        "recorded_by": {"label": {"fr": "Enregistré par", "en": "Recorded by"}}
      }
    },
    "loyalty_entries": {
      "comment": {"label": {"fr": "Points de fidélité", "en": "Loyalty points"}, "group": "customers", "order": 70},
      "columns": {
        "points": {"label": {"fr": "Points", "en": "Points"}}
      }
    },
    "store_credit_entries": {
      "comment": {"label": {"fr": "Avoirs clients", "en": "Store credit"}, "group": "customers", "order": 75},
      "columns": {
        "amount_cents": {"widget": "money", "currency": "EUR"},
        "refund_id": {"label": {"fr": "Remboursement", "en": "Refund"}}
      }
    },

    "conversations": {
      "comment": {"label": {"fr": "Conversations", "en": "Conversations"}, "group": "sales", "order": 50, "title": "subject",
                  "list": ["subject", "channel", "customer_id", "shop_id", "status", "last_message_at"]},
      "columns": {
        "external_thread_id": {"label": {"fr": "Fil externe", "en": "External thread"}},
        "subject": {"label": {"fr": "Sujet", "en": "Subject"}},
        "assigned_to": {"label": {"fr": "Assignée à", "en": "Assigned to"}},
        "last_message_at": {"label": {"fr": "Dernier message", "en": "Last message"}}
      }
    },
    "messages": {
      "comment": {"label": {"fr": "Messages", "en": "Messages"}, "group": "sales", "order": 60,
                  "list": ["conversation_id", "direction", "body", "sent_at"]},
      "columns": {
        "conversation_id": {"label": {"fr": "Conversation", "en": "Conversation"}},
        "direction": {"label": {"fr": "Sens", "en": "Direction"}},
        "author_id": {"label": {"fr": "Auteur", "en": "Author"}},
        "body": {"label": {"fr": "Texte", "en": "Text"}, "widget": "textarea"},
        "attachments": {"label": {"fr": "Pièces jointes", "en": "Attachments"}},
        "external_id": {"label": {"fr": "Identifiant externe", "en": "External ID"}},
        "sent_at": {"label": {"fr": "Envoyé le", "en": "Sent"}}
      }
    },

    "suppliers": {
      "comment": {"label": {"fr": "Fournisseurs", "en": "Suppliers"}, "group": "suppliers", "order": 10, "title": "name",
                  "list": ["name", "email", "phone", "fulfilment_type", "lead_time_days", "status"]},
      "columns": {
        "website": {"label": {"fr": "Site web", "en": "Website"}, "widget": "url"},
        "minimum_order_cents": {"label": {"fr": "Commande minimum", "en": "Minimum order"}, "widget": "money", "currency": "currency"},
        "fulfilment_type": {"label": {"fr": "Mode d'expédition", "en": "Fulfilment"}}
      }
    },
    "supplier_contacts": {
      "comment": {"label": {"fr": "Contacts fournisseurs", "en": "Supplier contacts"}, "group": "suppliers", "order": 20, "title": "name"},
      "columns": {
        "role": {"label": {"fr": "Fonction", "en": "Role"}}
      }
    },
    "supplier_products": {
      "comment": {"label": {"fr": "Produits fournisseurs", "en": "Supplier products"}, "group": "suppliers", "order": 30, "title": "supplier_sku",
                  "list": ["supplier_id", "variant_id", "supplier_sku", "cost_cents", "stock_quantity", "lead_time_days", "is_preferred"]},
      "columns": {
        "supplier_sku": {"label": {"fr": "Référence fournisseur", "en": "Supplier SKU"}},
        "cost_cents": {"widget": "money", "currency": "currency"},
        "stock_quantity": {"label": {"fr": "Stock déclaré", "en": "Declared stock"}},
        "is_preferred": {"label": {"fr": "Préféré", "en": "Preferred"}}
      }
    },
    "supplier_orders": {
      "comment": {"label": {"fr": "Commandes fournisseurs", "en": "Supplier orders"}, "group": "suppliers", "order": 40, "title": "number",
                  "list": ["number", "supplier_id", "kind", "status", "total_cost_cents", "expected_at", "tracking_number"]},
      "columns": {
        "number": {"label": {"fr": "Numéro", "en": "Number"}},
        "tracking_number": {"label": {"fr": "N° de suivi", "en": "Tracking number"}},
        "carrier": {"label": {"fr": "Transporteur", "en": "Carrier"}},
        "expected_at": {"label": {"fr": "Attendue le", "en": "Expected"}},
        "shipped_at": {"label": {"fr": "Expédiée le", "en": "Shipped"}},
        "received_at": {"label": {"fr": "Reçue le", "en": "Received"}},
        "total_cost_cents": {"label": {"fr": "Coût total", "en": "Total cost"}, "widget": "money", "currency": "currency"}
      }
    },
    "supplier_order_items": {
      "comment": {"label": {"fr": "Lignes de commandes fournisseurs", "en": "Supplier order lines"}, "group": "suppliers", "order": 50},
      "columns": {
        "supplier_order_id": {"label": {"fr": "Commande fournisseur", "en": "Supplier order"}},
        "supplier_product_id": {"label": {"fr": "Produit fournisseur", "en": "Supplier product"}},
        "unit_cost_cents": {"widget": "money", "currency": "EUR"},
        "received_quantity": {"label": {"fr": "Quantité reçue", "en": "Received quantity"}}
      }
    },

    "warehouses": {
      "comment": {"label": {"fr": "Entrepôts", "en": "Warehouses"}, "group": "inventory", "order": 10, "title": "name"},
      "columns": {
        "address": {"label": {"fr": "Adresse", "en": "Address"}},
        "is_active": {"label": {"fr": "Actif", "en": "Active"}}
      }
    },
    "stock_levels": {
      "comment": {"label": {"fr": "Niveaux de stock", "en": "Stock levels"}, "group": "inventory", "order": 20,
                  "list": ["variant_id", "warehouse_id", "quantity", "updated_at"]},
      "columns": {}
    },
    "stock_movements": {
      "comment": {"label": {"fr": "Mouvements de stock", "en": "Stock movements"}, "group": "inventory", "order": 30,
                  "list": ["created_at", "variant_id", "warehouse_id", "quantity", "reason", "order_id"]},
      "columns": {
        "actor_id": {"label": {"fr": "Auteur", "en": "Actor"}},
        "supplier_order_id": {"label": {"fr": "Commande fournisseur", "en": "Supplier order"}}
      }
    },
    "stock_alerts": {
      "comment": {"label": {"fr": "Alertes de stock", "en": "Stock alerts"}, "group": "inventory", "order": 40, "title": "sku"},
      "columns": {
        "product_name": {"label": {"fr": "Produit", "en": "Product"}},
        "quantity": {"label": {"fr": "Stock", "en": "Stock"}},
        "low_stock_threshold": {"label": {"fr": "Seuil de stock bas", "en": "Low stock threshold"}}
      }
    },

    "orders": {
      "comment": {"label": {"fr": "Commandes", "en": "Orders"}, "group": "sales", "order": 10, "title": "number",
                  "list": ["number", "shop_id", "customer_id", "channel", "status", "total_cents", "placed_at"]},
      "columns": {
        "number": {"label": {"fr": "Numéro", "en": "Number"}, "order": 1},
        "channel_reference": {"label": {"fr": "Référence du canal", "en": "Channel reference"}},
        "subtotal_cents": {"widget": "money", "currency": "currency"},
        "discount_cents": {"widget": "money", "currency": "currency"},
        "shipping_cents": {"label": {"fr": "Livraison", "en": "Shipping"}, "widget": "money", "currency": "currency"},
        "tax_cents": {"widget": "money", "currency": "currency"},
        "total_cents": {"widget": "money", "currency": "currency"},
        "delivery_date": {"label": {"fr": "Date de livraison", "en": "Delivery date"}},
        "delivery_address_encrypted": {"label": {"fr": "Adresse de livraison (chiffrée)", "en": "Delivery address (encrypted)"}, "hidden": true},
        "placed_at": {"label": {"fr": "Passée le", "en": "Placed"}}
      }
    },
    "order_items": {
      "comment": {"label": {"fr": "Lignes de commande", "en": "Order lines"}, "group": "sales", "order": 20, "title": "product_name",
                  "list": ["order_id", "product_name", "sku", "quantity", "unit_price_cents", "line_total_cents"]},
      "columns": {
        "product_name": {"label": {"fr": "Produit", "en": "Product"}},
        "unit_price_cents": {"widget": "money", "currency": "EUR"},
        "unit_cost_cents": {"widget": "money", "currency": "EUR"},
        "discount_cents": {"widget": "money", "currency": "EUR"},
        "line_total_cents": {"widget": "money", "currency": "EUR"}
      }
    },
    "order_status_history": {
      "comment": {"label": {"fr": "Historique des statuts", "en": "Status history"}, "group": "sales", "order": 30,
                  "list": ["order_id", "from_status", "to_status", "changed_by", "changed_at"]},
      "columns": {
        "from_status": {"label": {"fr": "De", "en": "From"}},
        "to_status": {"label": {"fr": "Vers", "en": "To"}},
        "changed_by": {"label": {"fr": "Par", "en": "By"}},
        "changed_at": {"label": {"fr": "Le", "en": "When"}}
      }
    },
    "return_requests": {
      "comment": {"label": {"fr": "Retours", "en": "Returns"}, "group": "sales", "order": 40,
                  "list": ["order_id", "customer_id", "status", "resolution", "created_at"]},
      "columns": {
        "reason": {"widget": "textarea"},
        "photos": {"label": {"fr": "Photos", "en": "Photos"}},
        "staff_comment": {"label": {"fr": "Commentaire de l'équipe", "en": "Staff comment"}, "widget": "textarea"},
        "resolution": {"label": {"fr": "Solution", "en": "Resolution"}},
        "decided_by": {"label": {"fr": "Décidé par", "en": "Decided by"}},
        "decided_at": {"label": {"fr": "Décidé le", "en": "Decided"}},
        "received_at": {"label": {"fr": "Reçu le", "en": "Received"}}
      }
    },
    "return_items": {
      "comment": {"label": {"fr": "Articles retournés", "en": "Returned items"}, "group": "sales", "order": 45},
      "columns": {
        "order_item_id": {"label": {"fr": "Ligne de commande", "en": "Order line"}},
        "restock": {"label": {"fr": "Remis en stock", "en": "Restock"}},
        "condition": {"label": {"fr": "État", "en": "Condition"}}
      }
    },

    "payments": {
      "comment": {"label": {"fr": "Paiements", "en": "Payments"}, "group": "billing", "order": 10,
                  "list": ["order_id", "method", "status", "amount_cents", "paid_at"]},
      "columns": {
        "method": {"label": {"fr": "Moyen", "en": "Method"}},
        "amount_cents": {"widget": "money", "currency": "currency"},
        "provider_reference": {"label": {"fr": "Référence du prestataire", "en": "Provider reference"}},
        "paid_at": {"label": {"fr": "Payé le", "en": "Paid"}}
      }
    },
    "invoices": {
      "comment": {"label": {"fr": "Factures", "en": "Invoices"}, "group": "billing", "order": 20, "title": "number",
                  "list": ["number", "kind", "shop_id", "customer_id", "status", "total_cents", "issued_at"]},
      "columns": {
        "number": {"label": {"fr": "Numéro", "en": "Number"}, "order": 1},
        "corrects_invoice_id": {"label": {"fr": "Facture corrigée", "en": "Corrected invoice"}},
        "issued_at": {"label": {"fr": "Émise le", "en": "Issued"}},
        "subtotal_cents": {"label": {"fr": "Total HT", "en": "Total excl. tax"}, "widget": "money", "currency": "currency"},
        "tax_cents": {"widget": "money", "currency": "currency"},
        "total_cents": {"label": {"fr": "Total TTC", "en": "Total incl. tax"}, "widget": "money", "currency": "currency"},
        "customer_snapshot": {"label": {"fr": "Client (à l'émission)", "en": "Customer (when issued)"}}
      }
    },
    "invoice_lines": {
      "comment": {"label": {"fr": "Lignes de facture", "en": "Invoice lines"}, "group": "billing", "order": 30, "title": "description"},
      "columns": {
        "description": {"widget": "text"},
        "unit_price_cents": {"widget": "money", "currency": "EUR"},
        "line_total_cents": {"widget": "money", "currency": "EUR"}
      }
    },
    "refunds": {
      "comment": {"label": {"fr": "Remboursements", "en": "Refunds"}, "group": "billing", "order": 40},
      "columns": {
        "payment_id": {"label": {"fr": "Paiement", "en": "Payment"}},
        "method": {"label": {"fr": "Moyen", "en": "Method"}},
        "amount_cents": {"widget": "money", "currency": "EUR"}
      }
    },

    "segments": {
      "comment": {"label": {"fr": "Segments", "en": "Segments"}, "group": "marketing", "order": 50, "title": "name"},
      "columns": {
        "definition": {"label": {"fr": "Définition", "en": "Definition"}}
      }
    },
    "campaigns": {
      "comment": {"label": {"fr": "Campagnes", "en": "Campaigns"}, "group": "marketing", "order": 40, "title": "name",
                  "list": ["name", "shop_id", "channel", "status", "scheduled_at", "sent_at"]},
      "columns": {
        "subject": {"label": {"fr": "Objet", "en": "Subject"}},
        "scheduled_at": {"label": {"fr": "Programmée le", "en": "Scheduled"}},
        "sent_at": {"label": {"fr": "Envoyée le", "en": "Sent"}},
        "stats": {"label": {"fr": "Statistiques", "en": "Statistics"}}
      }
    },
    "promo_pages": {
      "comment": {"label": {"fr": "Pages promo", "en": "Promo pages"}, "group": "marketing", "order": 10, "title": "title",
                  "list": ["title", "slug", "shop_id", "status", "published_at"]},
      "columns": {
        "seo": {"label": {"fr": "Référencement", "en": "SEO"}}
      }
    },
    "forms": {
      "comment": {"label": {"fr": "Formulaires", "en": "Forms"}, "group": "marketing", "order": 20, "title": "name",
                  "list": ["name", "slug", "shop_id", "status", "published_at"]},
      "columns": {
        "schema": {"label": {"fr": "Champs", "en": "Fields"}},
        "published_schema": {"label": {"fr": "Champs publiés", "en": "Published fields"}},
        "settings": {"label": {"fr": "Réglages", "en": "Settings"}}
      }
    },
    "form_submissions": {
      "comment": {"label": {"fr": "Réponses aux formulaires", "en": "Form submissions"}, "group": "marketing", "order": 25,
                  "list": ["form_id", "shop_id", "customer_id", "submitted_at"]},
      "columns": {
        "form_id": {"label": {"fr": "Formulaire", "en": "Form"}},
        "form_version": {"label": {"fr": "Version du formulaire", "en": "Form version"}},
        "data": {"label": {"fr": "Réponses", "en": "Answers"}},
        "submitted_at": {"label": {"fr": "Envoyé le", "en": "Submitted"}},
        "source": {"label": {"fr": "Provenance", "en": "Source"}},
        "ip_hash": {"label": {"fr": "Empreinte IP", "en": "IP hash"}, "hidden": true}
      }
    },
    "checkout_popups": {
      "comment": {"label": {"fr": "Pop-ups de paiement", "en": "Checkout pop-ups"}, "group": "marketing", "order": 30, "title": "name",
                  "list": ["name", "shop_id", "status", "priority", "starts_at", "ends_at"]},
      "columns": {
        "trigger": {"label": {"fr": "Déclencheur", "en": "Trigger"}},
        "starts_at": {"label": {"fr": "Début", "en": "Starts"}},
        "ends_at": {"label": {"fr": "Fin", "en": "Ends"}},
        "priority": {"label": {"fr": "Priorité", "en": "Priority"}}
      }
    },
    "content_versions": {
      "comment": {"label": {"fr": "Versions publiées", "en": "Published versions"}, "group": "marketing", "order": 60},
      "columns": {
        "entity_type": {"label": {"fr": "Type de contenu", "en": "Content type"}},
        "entity_id": {"label": {"fr": "Contenu", "en": "Content"}}
      }
    }
  }$json$;

  table_name text;
  entry jsonb;
  column_name text;
  meta jsonb;
  relation regclass;
  missing text;
begin
  for table_name, entry in select key, value from jsonb_each(tables) loop
    relation := to_regclass(format('public.%I', table_name));
    if relation is null then
      raise exception 'admin comments: no table public.%', table_name;
    end if;
    -- Names the comments point at must exist: own columns, the title, the list, money currencies.
    select string_agg(wanted.name, ', ') into missing
      from (
        select jsonb_object_keys(entry -> 'columns') as name
        union all select entry -> 'comment' ->> 'title'
        union all select jsonb_array_elements_text(coalesce(entry -> 'comment' -> 'list', '[]'))
        union all select c.value ->> 'currency' from jsonb_each(entry -> 'columns') as c
                   where c.value ->> 'currency' is not null and c.value ->> 'currency' !~ '^[A-Z]{3}$'
      ) as wanted
     where wanted.name is not null
       and not exists (select 1 from pg_catalog.pg_attribute a
                        where a.attrelid = relation and a.attname = wanted.name and a.attnum > 0 and not a.attisdropped);
    if missing is not null then
      raise exception 'admin comments: public.% has no column %', table_name, missing;
    end if;

    execute format('comment on %s public.%I is %L',
                   case when (select relkind from pg_catalog.pg_class where oid = relation) = 'v' then 'view' else 'table' end,
                   table_name, entry -> 'comment');
    for column_name in
      select a.attname from pg_catalog.pg_attribute a
       where a.attrelid = relation and a.attnum > 0 and not a.attisdropped order by a.attnum
    loop
      meta := coalesce(shared -> column_name, '{}') || coalesce(entry -> 'columns' -> column_name, '{}');
      if meta <> '{}' then
        execute format('comment on column public.%I.%I is %L', table_name, column_name, meta);
      end if;
    end loop;
  end loop;
end
$migration$;
