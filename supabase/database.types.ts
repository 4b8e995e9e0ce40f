export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      attribute_definitions: {
        Row: {
          allowed_values: string[] | null
          category_id: string
          code: string
          created_at: string
          id: string
          kind: string
          label_en: string
          label_fr: string
          position: number
          required: boolean
          updated_at: string
        }
        Insert: {
          allowed_values?: string[] | null
          category_id: string
          code: string
          created_at?: string
          id?: string
          kind: string
          label_en: string
          label_fr: string
          position?: number
          required?: boolean
          updated_at?: string
        }
        Update: {
          allowed_values?: string[] | null
          category_id?: string
          code?: string
          created_at?: string
          id?: string
          kind?: string
          label_en?: string
          label_fr?: string
          position?: number
          required?: boolean
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "attribute_definitions_category_id_fkey"
            columns: ["category_id"]
            isOneToOne: false
            referencedRelation: "categories"
            referencedColumns: ["id"]
          },
        ]
      }
      audit_log: {
        Row: {
          actor_id: string | null
          actor_role: string
          changed_columns: string[] | null
          id: number
          new_values: Json | null
          occurred_at: string
          old_values: Json | null
          operation: string
          row_id: string | null
          table_name: string
        }
        Insert: {
          actor_id?: string | null
          actor_role: string
          changed_columns?: string[] | null
          id?: never
          new_values?: Json | null
          occurred_at?: string
          old_values?: Json | null
          operation: string
          row_id?: string | null
          table_name: string
        }
        Update: {
          actor_id?: string | null
          actor_role?: string
          changed_columns?: string[] | null
          id?: never
          new_values?: Json | null
          occurred_at?: string
          old_values?: Json | null
          operation?: string
          row_id?: string | null
          table_name?: string
        }
        Relationships: []
      }
      campaigns: {
        Row: {
          channel: string
          content: Json
          created_at: string
          created_by: string | null
          id: string
          name: string
          scheduled_at: string | null
          segment_id: string | null
          sent_at: string | null
          shop_id: string
          stats: Json
          status: string
          subject: string | null
          updated_at: string
          version: number
        }
        Insert: {
          channel: string
          content?: Json
          created_at?: string
          created_by?: string | null
          id?: string
          name: string
          scheduled_at?: string | null
          segment_id?: string | null
          sent_at?: string | null
          shop_id: string
          stats?: Json
          status?: string
          subject?: string | null
          updated_at?: string
          version?: number
        }
        Update: {
          channel?: string
          content?: Json
          created_at?: string
          created_by?: string | null
          id?: string
          name?: string
          scheduled_at?: string | null
          segment_id?: string | null
          sent_at?: string | null
          shop_id?: string
          stats?: Json
          status?: string
          subject?: string | null
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "campaigns_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "campaigns_segment_id_fkey"
            columns: ["segment_id"]
            isOneToOne: false
            referencedRelation: "segments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "campaigns_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      categories: {
        Row: {
          created_at: string
          id: string
          name: string
          parent_id: string | null
          position: number
          slug: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          id?: string
          name: string
          parent_id?: string | null
          position?: number
          slug: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          id?: string
          name?: string
          parent_id?: string | null
          position?: number
          slug?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "categories_parent_id_fkey"
            columns: ["parent_id"]
            isOneToOne: false
            referencedRelation: "categories"
            referencedColumns: ["id"]
          },
        ]
      }
      category_translations: {
        Row: {
          category_id: string
          created_at: string
          id: string
          locale: string
          name: string
          updated_at: string
        }
        Insert: {
          category_id: string
          created_at?: string
          id?: string
          locale: string
          name: string
          updated_at?: string
        }
        Update: {
          category_id?: string
          created_at?: string
          id?: string
          locale?: string
          name?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "category_translations_category_id_fkey"
            columns: ["category_id"]
            isOneToOne: false
            referencedRelation: "categories"
            referencedColumns: ["id"]
          },
        ]
      }
      checkout_popups: {
        Row: {
          content: Json
          created_at: string
          ends_at: string | null
          id: string
          name: string
          priority: number
          published_at: string | null
          published_content: Json | null
          published_version: number | null
          shop_id: string
          starts_at: string | null
          status: string
          trigger: Json
          updated_at: string
          version: number
        }
        Insert: {
          content?: Json
          created_at?: string
          ends_at?: string | null
          id?: string
          name: string
          priority?: number
          published_at?: string | null
          published_content?: Json | null
          published_version?: number | null
          shop_id: string
          starts_at?: string | null
          status?: string
          trigger?: Json
          updated_at?: string
          version?: number
        }
        Update: {
          content?: Json
          created_at?: string
          ends_at?: string | null
          id?: string
          name?: string
          priority?: number
          published_at?: string | null
          published_content?: Json | null
          published_version?: number | null
          shop_id?: string
          starts_at?: string | null
          status?: string
          trigger?: Json
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "checkout_popups_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      content_versions: {
        Row: {
          content: Json
          created_at: string
          created_by: string | null
          entity_id: string
          entity_type: string
          id: number
          shop_id: string
          version: number
        }
        Insert: {
          content: Json
          created_at?: string
          created_by?: string | null
          entity_id: string
          entity_type: string
          id?: never
          shop_id: string
          version: number
        }
        Update: {
          content?: Json
          created_at?: string
          created_by?: string | null
          entity_id?: string
          entity_type?: string
          id?: never
          shop_id?: string
          version?: number
        }
        Relationships: []
      }
      conversations: {
        Row: {
          assigned_to: string | null
          channel: string
          created_at: string
          customer_id: string | null
          external_thread_id: string | null
          id: string
          last_message_at: string | null
          order_id: string | null
          shop_id: string
          status: string
          subject: string | null
          updated_at: string
        }
        Insert: {
          assigned_to?: string | null
          channel: string
          created_at?: string
          customer_id?: string | null
          external_thread_id?: string | null
          id?: string
          last_message_at?: string | null
          order_id?: string | null
          shop_id: string
          status?: string
          subject?: string | null
          updated_at?: string
        }
        Update: {
          assigned_to?: string | null
          channel?: string
          created_at?: string
          customer_id?: string | null
          external_thread_id?: string | null
          id?: string
          last_message_at?: string | null
          order_id?: string | null
          shop_id?: string
          status?: string
          subject?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "conversations_assigned_to_fkey"
            columns: ["assigned_to"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "conversations_customer_id_fkey"
            columns: ["customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "conversations_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "conversations_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      customer_addresses: {
        Row: {
          address_encrypted: string
          country_code: string
          created_at: string
          customer_id: string
          id: string
          is_default: boolean
          label: string | null
          address: Json | null
        }
        Insert: {
          address_encrypted: string
          country_code: string
          created_at?: string
          customer_id: string
          id?: string
          is_default?: boolean
          label?: string | null
        }
        Update: {
          address_encrypted?: string
          country_code?: string
          created_at?: string
          customer_id?: string
          id?: string
          is_default?: boolean
          label?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "customer_addresses_customer_id_fkey"
            columns: ["customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
        ]
      }
      customer_consents: {
        Row: {
          channel: string
          customer_id: string
          granted: boolean
          id: number
          purpose: string
          recorded_at: string
          recorded_by: string | null
          source: string
        }
        Insert: {
          channel: string
          customer_id: string
          granted: boolean
          id?: never
          purpose: string
          recorded_at?: string
          recorded_by?: string | null
          source: string
        }
        Update: {
          channel?: string
          customer_id?: string
          granted?: boolean
          id?: never
          purpose?: string
          recorded_at?: string
          recorded_by?: string | null
          source?: string
        }
        Relationships: [
          {
            foreignKeyName: "customer_consents_customer_id_fkey"
            columns: ["customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
        ]
      }
      customer_groups: {
        Row: {
          code: string
          created_at: string
          id: string
          name: string
          updated_at: string
        }
        Insert: {
          code: string
          created_at?: string
          id?: string
          name: string
          updated_at?: string
        }
        Update: {
          code?: string
          created_at?: string
          id?: string
          name?: string
          updated_at?: string
        }
        Relationships: []
      }
      customer_identities: {
        Row: {
          created_at: string
          customer_id: string
          display: string
          id: string
          kind: string
          value_encrypted: string
          value_hash: string
          verified: boolean
        }
        Insert: {
          created_at?: string
          customer_id: string
          display: string
          id?: string
          kind: string
          value_encrypted: string
          value_hash: string
          verified?: boolean
        }
        Update: {
          created_at?: string
          customer_id?: string
          display?: string
          id?: string
          kind?: string
          value_encrypted?: string
          value_hash?: string
          verified?: boolean
        }
        Relationships: [
          {
            foreignKeyName: "customer_identities_customer_id_fkey"
            columns: ["customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
        ]
      }
      customer_merges: {
        Row: {
          id: string
          kept_customer_id: string
          merged_at: string
          merged_by: string | null
          merged_customer_id: string
          snapshot: Json
        }
        Insert: {
          id?: string
          kept_customer_id: string
          merged_at?: string
          merged_by?: string | null
          merged_customer_id: string
          snapshot: Json
        }
        Update: {
          id?: string
          kept_customer_id?: string
          merged_at?: string
          merged_by?: string | null
          merged_customer_id?: string
          snapshot?: Json
        }
        Relationships: [
          {
            foreignKeyName: "customer_merges_kept_customer_id_fkey"
            columns: ["kept_customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_merges_merged_customer_id_fkey"
            columns: ["merged_customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
        ]
      }
      customer_shops: {
        Row: {
          customer_id: string
          first_seen_at: string
          id: string
          shop_id: string
        }
        Insert: {
          customer_id: string
          first_seen_at?: string
          id?: string
          shop_id: string
        }
        Update: {
          customer_id?: string
          first_seen_at?: string
          id?: string
          shop_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "customer_shops_customer_id_fkey"
            columns: ["customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customer_shops_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      customers: {
        Row: {
          average_basket_cents: number
          created_at: string
          customer_group_id: string | null
          display_name: string
          email: string | null
          first_order_at: string | null
          home_shop_id: string | null
          id: string
          last_order_at: string | null
          locale: string
          loyalty_points: number
          merged_into_id: string | null
          notes: string | null
          orders_count: number
          phone_encrypted: string | null
          segment: string
          total_spent_cents: number
          updated_at: string
          phone: string | null
        }
        Insert: {
          average_basket_cents?: number
          created_at?: string
          customer_group_id?: string | null
          display_name: string
          email?: string | null
          first_order_at?: string | null
          home_shop_id?: string | null
          id?: string
          last_order_at?: string | null
          locale?: string
          loyalty_points?: number
          merged_into_id?: string | null
          notes?: string | null
          orders_count?: number
          phone_encrypted?: string | null
          segment?: string
          total_spent_cents?: number
          updated_at?: string
        }
        Update: {
          average_basket_cents?: number
          created_at?: string
          customer_group_id?: string | null
          display_name?: string
          email?: string | null
          first_order_at?: string | null
          home_shop_id?: string | null
          id?: string
          last_order_at?: string | null
          locale?: string
          loyalty_points?: number
          merged_into_id?: string | null
          notes?: string | null
          orders_count?: number
          phone_encrypted?: string | null
          segment?: string
          total_spent_cents?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "customers_customer_group_id_fkey"
            columns: ["customer_group_id"]
            isOneToOne: false
            referencedRelation: "customer_groups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customers_home_shop_id_fkey"
            columns: ["home_shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "customers_merged_into_id_fkey"
            columns: ["merged_into_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
        ]
      }
      document_sequences: {
        Row: {
          created_at: string
          id: string
          kind: string
          last_value: number
          shop_id: string
          updated_at: string
          year: number
        }
        Insert: {
          created_at?: string
          id?: string
          kind: string
          last_value?: number
          shop_id: string
          updated_at?: string
          year: number
        }
        Update: {
          created_at?: string
          id?: string
          kind?: string
          last_value?: number
          shop_id?: string
          updated_at?: string
          year?: number
        }
        Relationships: [
          {
            foreignKeyName: "document_sequences_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      email_deliveries: {
        Row: {
          attempts: number
          created_at: string
          dedupe_key: string
          last_error: string | null
          locale: string
          provider_message_id: string | null
          recipient: string
          sent_at: string | null
          status: string
          template: string
          transport: string | null
        }
        Insert: {
          attempts?: number
          created_at?: string
          dedupe_key: string
          last_error?: string | null
          locale: string
          provider_message_id?: string | null
          recipient: string
          sent_at?: string | null
          status?: string
          template: string
          transport?: string | null
        }
        Update: {
          attempts?: number
          created_at?: string
          dedupe_key?: string
          last_error?: string | null
          locale?: string
          provider_message_id?: string | null
          recipient?: string
          sent_at?: string | null
          status?: string
          template?: string
          transport?: string | null
        }
        Relationships: []
      }
      form_submissions: {
        Row: {
          created_at: string
          customer_id: string | null
          data: Json
          form_id: string
          form_version: number
          id: string
          ip_hash: string | null
          shop_id: string
          source: Json
          submitted_at: string
        }
        Insert: {
          created_at?: string
          customer_id?: string | null
          data: Json
          form_id: string
          form_version: number
          id?: string
          ip_hash?: string | null
          shop_id: string
          source?: Json
          submitted_at?: string
        }
        Update: {
          created_at?: string
          customer_id?: string | null
          data?: Json
          form_id?: string
          form_version?: number
          id?: string
          ip_hash?: string | null
          shop_id?: string
          source?: Json
          submitted_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "form_submissions_customer_id_fkey"
            columns: ["customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "form_submissions_form_id_fkey"
            columns: ["form_id"]
            isOneToOne: false
            referencedRelation: "forms"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "form_submissions_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      forms: {
        Row: {
          created_at: string
          id: string
          name: string
          published_at: string | null
          published_schema: Json | null
          published_version: number | null
          schema: Json
          settings: Json
          shop_id: string
          slug: string
          status: string
          updated_at: string
          version: number
        }
        Insert: {
          created_at?: string
          id?: string
          name: string
          published_at?: string | null
          published_schema?: Json | null
          published_version?: number | null
          schema?: Json
          settings?: Json
          shop_id: string
          slug: string
          status?: string
          updated_at?: string
          version?: number
        }
        Update: {
          created_at?: string
          id?: string
          name?: string
          published_at?: string | null
          published_schema?: Json | null
          published_version?: number | null
          schema?: Json
          settings?: Json
          shop_id?: string
          slug?: string
          status?: string
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "forms_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      group_prices: {
        Row: {
          created_at: string
          customer_group_id: string
          id: string
          price_cents: number
          shop_id: string | null
          updated_at: string
          variant_id: string
        }
        Insert: {
          created_at?: string
          customer_group_id: string
          id?: string
          price_cents: number
          shop_id?: string | null
          updated_at?: string
          variant_id: string
        }
        Update: {
          created_at?: string
          customer_group_id?: string
          id?: string
          price_cents?: number
          shop_id?: string | null
          updated_at?: string
          variant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "group_prices_customer_group_id_fkey"
            columns: ["customer_group_id"]
            isOneToOne: false
            referencedRelation: "customer_groups"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "group_prices_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "group_prices_variant_id_fkey"
            columns: ["variant_id"]
            isOneToOne: false
            referencedRelation: "product_variants"
            referencedColumns: ["id"]
          },
        ]
      }
      invoice_lines: {
        Row: {
          created_at: string
          description: string
          id: string
          invoice_id: string
          line_total_cents: number | null
          position: number
          quantity: number
          shop_id: string
          tax_rate_bp: number
          unit_price_cents: number
          updated_at: string
        }
        Insert: {
          created_at?: string
          description: string
          id?: string
          invoice_id: string
          line_total_cents?: never
          position?: number
          quantity: number
          shop_id: string
          tax_rate_bp?: number
          unit_price_cents: number
          updated_at?: string
        }
        Update: {
          created_at?: string
          description?: string
          id?: string
          invoice_id?: string
          line_total_cents?: never
          position?: number
          quantity?: number
          shop_id?: string
          tax_rate_bp?: number
          unit_price_cents?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "invoice_lines_invoice_id_fkey"
            columns: ["invoice_id"]
            isOneToOne: false
            referencedRelation: "invoices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invoice_lines_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      invoices: {
        Row: {
          corrects_invoice_id: string | null
          created_at: string
          created_by: string | null
          currency: string
          customer_id: string | null
          customer_snapshot: Json | null
          id: string
          issued_at: string | null
          kind: string
          notes: string | null
          number: string | null
          order_id: string | null
          shop_id: string
          status: string
          subtotal_cents: number
          tax_cents: number
          total_cents: number
          updated_at: string
        }
        Insert: {
          corrects_invoice_id?: string | null
          created_at?: string
          created_by?: string | null
          currency?: string
          customer_id?: string | null
          customer_snapshot?: Json | null
          id?: string
          issued_at?: string | null
          kind?: string
          notes?: string | null
          number?: string | null
          order_id?: string | null
          shop_id: string
          status?: string
          subtotal_cents?: number
          tax_cents?: number
          total_cents?: number
          updated_at?: string
        }
        Update: {
          corrects_invoice_id?: string | null
          created_at?: string
          created_by?: string | null
          currency?: string
          customer_id?: string | null
          customer_snapshot?: Json | null
          id?: string
          issued_at?: string | null
          kind?: string
          notes?: string | null
          number?: string | null
          order_id?: string | null
          shop_id?: string
          status?: string
          subtotal_cents?: number
          tax_cents?: number
          total_cents?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "invoices_corrects_invoice_id_fkey"
            columns: ["corrects_invoice_id"]
            isOneToOne: false
            referencedRelation: "invoices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invoices_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invoices_customer_id_fkey"
            columns: ["customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invoices_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "invoices_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      loyalty_entries: {
        Row: {
          created_at: string
          created_by: string | null
          customer_id: string
          id: number
          order_id: string | null
          points: number
          reason: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          customer_id: string
          id?: never
          order_id?: string | null
          points: number
          reason: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          customer_id?: string
          id?: never
          order_id?: string | null
          points?: number
          reason?: string
        }
        Relationships: [
          {
            foreignKeyName: "loyalty_entries_customer_id_fkey"
            columns: ["customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "loyalty_entries_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
        ]
      }
      memberships: {
        Row: {
          created_at: string
          id: string
          role: Database["public"]["Enums"]["member_role"]
          shop_id: string | null
          supplier_id: string | null
          user_id: string
        }
        Insert: {
          created_at?: string
          id?: string
          role: Database["public"]["Enums"]["member_role"]
          shop_id?: string | null
          supplier_id?: string | null
          user_id: string
        }
        Update: {
          created_at?: string
          id?: string
          role?: Database["public"]["Enums"]["member_role"]
          shop_id?: string | null
          supplier_id?: string | null
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "memberships_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "memberships_supplier_id_fkey"
            columns: ["supplier_id"]
            isOneToOne: false
            referencedRelation: "suppliers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "memberships_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      messages: {
        Row: {
          attachments: Json
          author_id: string | null
          body: string | null
          conversation_id: string
          created_at: string
          direction: string
          external_id: string | null
          id: string
          sent_at: string
        }
        Insert: {
          attachments?: Json
          author_id?: string | null
          body?: string | null
          conversation_id: string
          created_at?: string
          direction: string
          external_id?: string | null
          id?: string
          sent_at?: string
        }
        Update: {
          attachments?: Json
          author_id?: string | null
          body?: string | null
          conversation_id?: string
          created_at?: string
          direction?: string
          external_id?: string | null
          id?: string
          sent_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "messages_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "messages_conversation_id_fkey"
            columns: ["conversation_id"]
            isOneToOne: false
            referencedRelation: "conversations"
            referencedColumns: ["id"]
          },
        ]
      }
      order_items: {
        Row: {
          created_at: string
          discount_cents: number
          id: string
          line_total_cents: number | null
          order_id: string
          product_name: string
          quantity: number
          shop_id: string
          sku: string
          tax_rate_bp: number
          unit_cost_cents: number | null
          unit_price_cents: number
          updated_at: string
          variant_id: string
        }
        Insert: {
          created_at?: string
          discount_cents?: number
          id?: string
          line_total_cents?: never
          order_id: string
          product_name: string
          quantity: number
          shop_id: string
          sku: string
          tax_rate_bp?: number
          unit_cost_cents?: number | null
          unit_price_cents: number
          updated_at?: string
          variant_id: string
        }
        Update: {
          created_at?: string
          discount_cents?: number
          id?: string
          line_total_cents?: never
          order_id?: string
          product_name?: string
          quantity?: number
          shop_id?: string
          sku?: string
          tax_rate_bp?: number
          unit_cost_cents?: number | null
          unit_price_cents?: number
          updated_at?: string
          variant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "order_items_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "order_items_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "order_items_variant_id_fkey"
            columns: ["variant_id"]
            isOneToOne: false
            referencedRelation: "product_variants"
            referencedColumns: ["id"]
          },
        ]
      }
      order_status_history: {
        Row: {
          changed_at: string
          changed_by: string | null
          created_at: string
          from_status: string | null
          id: number
          note: string | null
          order_id: string
          shop_id: string
          to_status: string
        }
        Insert: {
          changed_at?: string
          changed_by?: string | null
          created_at?: string
          from_status?: string | null
          id?: never
          note?: string | null
          order_id: string
          shop_id: string
          to_status: string
        }
        Update: {
          changed_at?: string
          changed_by?: string | null
          created_at?: string
          from_status?: string | null
          id?: never
          note?: string | null
          order_id?: string
          shop_id?: string
          to_status?: string
        }
        Relationships: [
          {
            foreignKeyName: "order_status_history_changed_by_fkey"
            columns: ["changed_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "order_status_history_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "order_status_history_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      order_status_transitions: {
        Row: {
          created_at: string
          from_status: string
          id: string
          to_status: string
        }
        Insert: {
          created_at?: string
          from_status: string
          id?: string
          to_status: string
        }
        Update: {
          created_at?: string
          from_status?: string
          id?: string
          to_status?: string
        }
        Relationships: []
      }
      orders: {
        Row: {
          channel: string
          channel_reference: string | null
          created_at: string
          created_by: string | null
          currency: string
          customer_id: string | null
          delivery_address_encrypted: string | null
          delivery_date: string | null
          discount_cents: number
          id: string
          notes: string | null
          number: string
          placed_at: string | null
          shipping_cents: number
          shop_id: string
          status: string
          subtotal_cents: number
          tax_cents: number
          total_cents: number
          updated_at: string
          warehouse_id: string | null
          delivery_address: string | null
        }
        Insert: {
          channel?: string
          channel_reference?: string | null
          created_at?: string
          created_by?: string | null
          currency: string
          customer_id?: string | null
          delivery_address_encrypted?: string | null
          delivery_date?: string | null
          discount_cents?: number
          id?: string
          notes?: string | null
          number: string
          placed_at?: string | null
          shipping_cents?: number
          shop_id: string
          status?: string
          subtotal_cents?: number
          tax_cents?: number
          total_cents?: number
          updated_at?: string
          warehouse_id?: string | null
        }
        Update: {
          channel?: string
          channel_reference?: string | null
          created_at?: string
          created_by?: string | null
          currency?: string
          customer_id?: string | null
          delivery_address_encrypted?: string | null
          delivery_date?: string | null
          discount_cents?: number
          id?: string
          notes?: string | null
          number?: string
          placed_at?: string | null
          shipping_cents?: number
          shop_id?: string
          status?: string
          subtotal_cents?: number
          tax_cents?: number
          total_cents?: number
          updated_at?: string
          warehouse_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "orders_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "orders_customer_id_fkey"
            columns: ["customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "orders_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "orders_warehouse_id_fkey"
            columns: ["warehouse_id"]
            isOneToOne: false
            referencedRelation: "warehouses"
            referencedColumns: ["id"]
          },
        ]
      }
      payments: {
        Row: {
          amount_cents: number
          created_at: string
          currency: string
          id: string
          method: string
          order_id: string
          paid_at: string | null
          provider_reference: string | null
          shop_id: string
          status: string
          updated_at: string
        }
        Insert: {
          amount_cents: number
          created_at?: string
          currency?: string
          id?: string
          method: string
          order_id: string
          paid_at?: string | null
          provider_reference?: string | null
          shop_id: string
          status?: string
          updated_at?: string
        }
        Update: {
          amount_cents?: number
          created_at?: string
          currency?: string
          id?: string
          method?: string
          order_id?: string
          paid_at?: string | null
          provider_reference?: string | null
          shop_id?: string
          status?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "payments_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "payments_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      price_breaks: {
        Row: {
          created_at: string
          id: string
          listing_id: string
          min_quantity: number
          price_cents: number
          updated_at: string
          variant_id: string | null
        }
        Insert: {
          created_at?: string
          id?: string
          listing_id: string
          min_quantity: number
          price_cents: number
          updated_at?: string
          variant_id?: string | null
        }
        Update: {
          created_at?: string
          id?: string
          listing_id?: string
          min_quantity?: number
          price_cents?: number
          updated_at?: string
          variant_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "price_breaks_listing_id_fkey"
            columns: ["listing_id"]
            isOneToOne: false
            referencedRelation: "product_listings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "price_breaks_variant_id_fkey"
            columns: ["variant_id"]
            isOneToOne: false
            referencedRelation: "product_variants"
            referencedColumns: ["id"]
          },
        ]
      }
      product_bundle_items: {
        Row: {
          bundle_product_id: string
          component_variant_id: string
          created_at: string
          id: string
          quantity: number
          updated_at: string
        }
        Insert: {
          bundle_product_id: string
          component_variant_id: string
          created_at?: string
          id?: string
          quantity?: number
          updated_at?: string
        }
        Update: {
          bundle_product_id?: string
          component_variant_id?: string
          created_at?: string
          id?: string
          quantity?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "product_bundle_items_bundle_product_id_fkey"
            columns: ["bundle_product_id"]
            isOneToOne: false
            referencedRelation: "products"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "product_bundle_items_component_variant_id_fkey"
            columns: ["component_variant_id"]
            isOneToOne: false
            referencedRelation: "product_variants"
            referencedColumns: ["id"]
          },
        ]
      }
      product_listings: {
        Row: {
          created_at: string
          description: string | null
          id: string
          position: number
          price_cents: number | null
          product_id: string
          published_at: string | null
          shop_id: string
          title: string | null
          updated_at: string
          visible: boolean
        }
        Insert: {
          created_at?: string
          description?: string | null
          id?: string
          position?: number
          price_cents?: number | null
          product_id: string
          published_at?: string | null
          shop_id: string
          title?: string | null
          updated_at?: string
          visible?: boolean
        }
        Update: {
          created_at?: string
          description?: string | null
          id?: string
          position?: number
          price_cents?: number | null
          product_id?: string
          published_at?: string | null
          shop_id?: string
          title?: string | null
          updated_at?: string
          visible?: boolean
        }
        Relationships: [
          {
            foreignKeyName: "product_listings_product_id_fkey"
            columns: ["product_id"]
            isOneToOne: false
            referencedRelation: "products"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "product_listings_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      product_media: {
        Row: {
          alt: string | null
          created_at: string
          id: string
          kind: string
          position: number
          product_id: string
          storage_path: string
          updated_at: string
          variant_id: string | null
        }
        Insert: {
          alt?: string | null
          created_at?: string
          id?: string
          kind?: string
          position?: number
          product_id: string
          storage_path: string
          updated_at?: string
          variant_id?: string | null
        }
        Update: {
          alt?: string | null
          created_at?: string
          id?: string
          kind?: string
          position?: number
          product_id?: string
          storage_path?: string
          updated_at?: string
          variant_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "product_media_product_id_fkey"
            columns: ["product_id"]
            isOneToOne: false
            referencedRelation: "products"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "product_media_variant_id_fkey"
            columns: ["variant_id"]
            isOneToOne: false
            referencedRelation: "product_variants"
            referencedColumns: ["id"]
          },
        ]
      }
      product_translations: {
        Row: {
          created_at: string
          description: string | null
          id: string
          locale: string
          name: string
          product_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          description?: string | null
          id?: string
          locale: string
          name: string
          product_id: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          description?: string | null
          id?: string
          locale?: string
          name?: string
          product_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "product_translations_product_id_fkey"
            columns: ["product_id"]
            isOneToOne: false
            referencedRelation: "products"
            referencedColumns: ["id"]
          },
        ]
      }
      product_variants: {
        Row: {
          allow_backorder: boolean
          attributes: Json
          barcode: string | null
          created_at: string
          currency: string
          id: string
          low_stock_threshold: number
          position: number
          price_cents: number
          product_id: string
          sku: string
          status: string
          updated_at: string
          weight_grams: number | null
        }
        Insert: {
          allow_backorder?: boolean
          attributes?: Json
          barcode?: string | null
          created_at?: string
          currency?: string
          id?: string
          low_stock_threshold?: number
          position?: number
          price_cents: number
          product_id: string
          sku: string
          status?: string
          updated_at?: string
          weight_grams?: number | null
        }
        Update: {
          allow_backorder?: boolean
          attributes?: Json
          barcode?: string | null
          created_at?: string
          currency?: string
          id?: string
          low_stock_threshold?: number
          position?: number
          price_cents?: number
          product_id?: string
          sku?: string
          status?: string
          updated_at?: string
          weight_grams?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "product_variants_product_id_fkey"
            columns: ["product_id"]
            isOneToOne: false
            referencedRelation: "products"
            referencedColumns: ["id"]
          },
        ]
      }
      products: {
        Row: {
          brand: string | null
          category_id: string | null
          created_at: string
          description: string | null
          id: string
          is_bundle: boolean
          name: string
          search: unknown | null
          sku: string
          status: string
          tags: string[]
          updated_at: string
        }
        Insert: {
          brand?: string | null
          category_id?: string | null
          created_at?: string
          description?: string | null
          id?: string
          is_bundle?: boolean
          name: string
          search?: never
          sku: string
          status?: string
          tags?: string[]
          updated_at?: string
        }
        Update: {
          brand?: string | null
          category_id?: string | null
          created_at?: string
          description?: string | null
          id?: string
          is_bundle?: boolean
          name?: string
          search?: never
          sku?: string
          status?: string
          tags?: string[]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "products_category_id_fkey"
            columns: ["category_id"]
            isOneToOne: false
            referencedRelation: "categories"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          created_at: string
          display_name: string
          id: string
          locale: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          display_name: string
          id: string
          locale?: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          display_name?: string
          id?: string
          locale?: string
          updated_at?: string
        }
        Relationships: []
      }
      promo_pages: {
        Row: {
          content: Json
          created_at: string
          id: string
          published_at: string | null
          published_content: Json | null
          published_version: number | null
          seo: Json
          shop_id: string
          slug: string
          status: string
          title: string
          updated_at: string
          version: number
        }
        Insert: {
          content?: Json
          created_at?: string
          id?: string
          published_at?: string | null
          published_content?: Json | null
          published_version?: number | null
          seo?: Json
          shop_id: string
          slug: string
          status?: string
          title: string
          updated_at?: string
          version?: number
        }
        Update: {
          content?: Json
          created_at?: string
          id?: string
          published_at?: string | null
          published_content?: Json | null
          published_version?: number | null
          seo?: Json
          shop_id?: string
          slug?: string
          status?: string
          title?: string
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "promo_pages_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      refunds: {
        Row: {
          amount_cents: number
          created_at: string
          created_by: string | null
          id: string
          method: string
          order_id: string
          payment_id: string | null
          return_id: string | null
          shop_id: string
          status: string
          updated_at: string
        }
        Insert: {
          amount_cents: number
          created_at?: string
          created_by?: string | null
          id?: string
          method: string
          order_id: string
          payment_id?: string | null
          return_id?: string | null
          shop_id: string
          status?: string
          updated_at?: string
        }
        Update: {
          amount_cents?: number
          created_at?: string
          created_by?: string | null
          id?: string
          method?: string
          order_id?: string
          payment_id?: string | null
          return_id?: string | null
          shop_id?: string
          status?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "refunds_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "refunds_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "refunds_payment_id_fkey"
            columns: ["payment_id"]
            isOneToOne: false
            referencedRelation: "payments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "refunds_return_id_fkey"
            columns: ["return_id"]
            isOneToOne: false
            referencedRelation: "return_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "refunds_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      return_items: {
        Row: {
          condition: string
          created_at: string
          id: string
          order_item_id: string
          quantity: number
          restock: boolean
          return_id: string
          shop_id: string
          updated_at: string
        }
        Insert: {
          condition?: string
          created_at?: string
          id?: string
          order_item_id: string
          quantity: number
          restock?: boolean
          return_id: string
          shop_id: string
          updated_at?: string
        }
        Update: {
          condition?: string
          created_at?: string
          id?: string
          order_item_id?: string
          quantity?: number
          restock?: boolean
          return_id?: string
          shop_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "return_items_order_item_id_fkey"
            columns: ["order_item_id"]
            isOneToOne: false
            referencedRelation: "order_items"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "return_items_return_id_fkey"
            columns: ["return_id"]
            isOneToOne: false
            referencedRelation: "return_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "return_items_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      return_requests: {
        Row: {
          created_at: string
          customer_id: string | null
          decided_at: string | null
          decided_by: string | null
          id: string
          order_id: string
          photos: string[]
          reason: string | null
          received_at: string | null
          resolution: string | null
          shop_id: string
          staff_comment: string | null
          status: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          customer_id?: string | null
          decided_at?: string | null
          decided_by?: string | null
          id?: string
          order_id: string
          photos?: string[]
          reason?: string | null
          received_at?: string | null
          resolution?: string | null
          shop_id: string
          staff_comment?: string | null
          status?: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          customer_id?: string | null
          decided_at?: string | null
          decided_by?: string | null
          id?: string
          order_id?: string
          photos?: string[]
          reason?: string | null
          received_at?: string | null
          resolution?: string | null
          shop_id?: string
          staff_comment?: string | null
          status?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "return_requests_customer_id_fkey"
            columns: ["customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "return_requests_decided_by_fkey"
            columns: ["decided_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "return_requests_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "return_requests_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      segments: {
        Row: {
          created_at: string
          created_by: string | null
          definition: Json
          description: string | null
          id: string
          name: string
          shop_id: string | null
          updated_at: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          definition?: Json
          description?: string | null
          id?: string
          name: string
          shop_id?: string | null
          updated_at?: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          definition?: Json
          description?: string | null
          id?: string
          name?: string
          shop_id?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "segments_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "segments_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      shops: {
        Row: {
          code: string
          created_at: string
          currency: string
          domain: string | null
          id: string
          legal_name: string | null
          locale: string
          name: string
          status: string
          theme: Json
          updated_at: string
          vat_number: string | null
        }
        Insert: {
          code: string
          created_at?: string
          currency?: string
          domain?: string | null
          id?: string
          legal_name?: string | null
          locale?: string
          name: string
          status?: string
          theme?: Json
          updated_at?: string
          vat_number?: string | null
        }
        Update: {
          code?: string
          created_at?: string
          currency?: string
          domain?: string | null
          id?: string
          legal_name?: string | null
          locale?: string
          name?: string
          status?: string
          theme?: Json
          updated_at?: string
          vat_number?: string | null
        }
        Relationships: []
      }
      stock_levels: {
        Row: {
          id: string
          quantity: number
          updated_at: string
          variant_id: string
          warehouse_id: string
        }
        Insert: {
          id?: string
          quantity?: number
          updated_at?: string
          variant_id: string
          warehouse_id: string
        }
        Update: {
          id?: string
          quantity?: number
          updated_at?: string
          variant_id?: string
          warehouse_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "stock_levels_variant_id_fkey"
            columns: ["variant_id"]
            isOneToOne: false
            referencedRelation: "product_variants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "stock_levels_warehouse_id_fkey"
            columns: ["warehouse_id"]
            isOneToOne: false
            referencedRelation: "warehouses"
            referencedColumns: ["id"]
          },
        ]
      }
      stock_movements: {
        Row: {
          actor_id: string | null
          created_at: string
          id: number
          note: string | null
          order_id: string | null
          quantity: number
          reason: string
          return_id: string | null
          supplier_order_id: string | null
          variant_id: string
          warehouse_id: string
        }
        Insert: {
          actor_id?: string | null
          created_at?: string
          id?: never
          note?: string | null
          order_id?: string | null
          quantity: number
          reason: string
          return_id?: string | null
          supplier_order_id?: string | null
          variant_id: string
          warehouse_id: string
        }
        Update: {
          actor_id?: string | null
          created_at?: string
          id?: never
          note?: string | null
          order_id?: string | null
          quantity?: number
          reason?: string
          return_id?: string | null
          supplier_order_id?: string | null
          variant_id?: string
          warehouse_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "stock_movements_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "stock_movements_return_id_fkey"
            columns: ["return_id"]
            isOneToOne: false
            referencedRelation: "return_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "stock_movements_supplier_order_id_fkey"
            columns: ["supplier_order_id"]
            isOneToOne: false
            referencedRelation: "supplier_orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "stock_movements_variant_id_fkey"
            columns: ["variant_id"]
            isOneToOne: false
            referencedRelation: "product_variants"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "stock_movements_warehouse_id_fkey"
            columns: ["warehouse_id"]
            isOneToOne: false
            referencedRelation: "warehouses"
            referencedColumns: ["id"]
          },
        ]
      }
      store_credit_entries: {
        Row: {
          amount_cents: number
          created_at: string
          created_by: string | null
          customer_id: string
          id: number
          order_id: string | null
          reason: string
          refund_id: string | null
          return_id: string | null
          shop_id: string
        }
        Insert: {
          amount_cents: number
          created_at?: string
          created_by?: string | null
          customer_id: string
          id?: never
          order_id?: string | null
          reason: string
          refund_id?: string | null
          return_id?: string | null
          shop_id: string
        }
        Update: {
          amount_cents?: number
          created_at?: string
          created_by?: string | null
          customer_id?: string
          id?: never
          order_id?: string | null
          reason?: string
          refund_id?: string | null
          return_id?: string | null
          shop_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "store_credit_entries_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "store_credit_entries_customer_id_fkey"
            columns: ["customer_id"]
            isOneToOne: false
            referencedRelation: "customers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "store_credit_entries_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "store_credit_entries_refund_id_fkey"
            columns: ["refund_id"]
            isOneToOne: true
            referencedRelation: "refunds"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "store_credit_entries_return_id_fkey"
            columns: ["return_id"]
            isOneToOne: false
            referencedRelation: "return_requests"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "store_credit_entries_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
        ]
      }
      supplier_contacts: {
        Row: {
          created_at: string
          email: string | null
          id: string
          name: string
          phone: string | null
          role: string | null
          supplier_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          email?: string | null
          id?: string
          name: string
          phone?: string | null
          role?: string | null
          supplier_id: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          email?: string | null
          id?: string
          name?: string
          phone?: string | null
          role?: string | null
          supplier_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "supplier_contacts_supplier_id_fkey"
            columns: ["supplier_id"]
            isOneToOne: false
            referencedRelation: "suppliers"
            referencedColumns: ["id"]
          },
        ]
      }
      supplier_order_items: {
        Row: {
          created_at: string
          id: string
          quantity: number
          received_quantity: number
          supplier_order_id: string
          supplier_product_id: string
          unit_cost_cents: number
          updated_at: string
          variant_id: string
        }
        Insert: {
          created_at?: string
          id?: string
          quantity: number
          received_quantity?: number
          supplier_order_id: string
          supplier_product_id: string
          unit_cost_cents: number
          updated_at?: string
          variant_id: string
        }
        Update: {
          created_at?: string
          id?: string
          quantity?: number
          received_quantity?: number
          supplier_order_id?: string
          supplier_product_id?: string
          unit_cost_cents?: number
          updated_at?: string
          variant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "supplier_order_items_supplier_order_id_fkey"
            columns: ["supplier_order_id"]
            isOneToOne: false
            referencedRelation: "supplier_orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "supplier_order_items_supplier_product_id_fkey"
            columns: ["supplier_product_id"]
            isOneToOne: false
            referencedRelation: "supplier_products"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "supplier_order_items_variant_id_fkey"
            columns: ["variant_id"]
            isOneToOne: false
            referencedRelation: "product_variants"
            referencedColumns: ["id"]
          },
        ]
      }
      supplier_orders: {
        Row: {
          carrier: string | null
          created_at: string
          created_by: string | null
          currency: string
          expected_at: string | null
          id: string
          kind: string
          notes: string | null
          number: string
          order_id: string | null
          received_at: string | null
          shipped_at: string | null
          shop_id: string | null
          status: string
          supplier_id: string
          total_cost_cents: number
          tracking_number: string | null
          updated_at: string
          warehouse_id: string | null
        }
        Insert: {
          carrier?: string | null
          created_at?: string
          created_by?: string | null
          currency?: string
          expected_at?: string | null
          id?: string
          kind?: string
          notes?: string | null
          number: string
          order_id?: string | null
          received_at?: string | null
          shipped_at?: string | null
          shop_id?: string | null
          status?: string
          supplier_id: string
          total_cost_cents?: number
          tracking_number?: string | null
          updated_at?: string
          warehouse_id?: string | null
        }
        Update: {
          carrier?: string | null
          created_at?: string
          created_by?: string | null
          currency?: string
          expected_at?: string | null
          id?: string
          kind?: string
          notes?: string | null
          number?: string
          order_id?: string | null
          received_at?: string | null
          shipped_at?: string | null
          shop_id?: string | null
          status?: string
          supplier_id?: string
          total_cost_cents?: number
          tracking_number?: string | null
          updated_at?: string
          warehouse_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "supplier_orders_order_id_fkey"
            columns: ["order_id"]
            isOneToOne: false
            referencedRelation: "orders"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "supplier_orders_shop_id_fkey"
            columns: ["shop_id"]
            isOneToOne: false
            referencedRelation: "shops"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "supplier_orders_supplier_id_fkey"
            columns: ["supplier_id"]
            isOneToOne: false
            referencedRelation: "suppliers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "supplier_orders_warehouse_id_fkey"
            columns: ["warehouse_id"]
            isOneToOne: false
            referencedRelation: "warehouses"
            referencedColumns: ["id"]
          },
        ]
      }
      supplier_products: {
        Row: {
          cost_cents: number
          created_at: string
          currency: string
          id: string
          is_preferred: boolean
          lead_time_days: number | null
          product_id: string
          stock_quantity: number
          supplier_id: string
          supplier_sku: string
          updated_at: string
          variant_id: string
        }
        Insert: {
          cost_cents: number
          created_at?: string
          currency?: string
          id?: string
          is_preferred?: boolean
          lead_time_days?: number | null
          product_id: string
          stock_quantity?: number
          supplier_id: string
          supplier_sku: string
          updated_at?: string
          variant_id: string
        }
        Update: {
          cost_cents?: number
          created_at?: string
          currency?: string
          id?: string
          is_preferred?: boolean
          lead_time_days?: number | null
          product_id?: string
          stock_quantity?: number
          supplier_id?: string
          supplier_sku?: string
          updated_at?: string
          variant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "supplier_products_supplier_id_fkey"
            columns: ["supplier_id"]
            isOneToOne: false
            referencedRelation: "suppliers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "supplier_products_variant_id_fkey"
            columns: ["variant_id"]
            isOneToOne: false
            referencedRelation: "product_variants"
            referencedColumns: ["id"]
          },
        ]
      }
      suppliers: {
        Row: {
          created_at: string
          currency: string
          email: string | null
          fulfilment_type: string
          id: string
          lead_time_days: number
          legal_name: string | null
          minimum_order_cents: number
          name: string
          notes: string | null
          phone: string | null
          status: string
          updated_at: string
          website: string | null
        }
        Insert: {
          created_at?: string
          currency?: string
          email?: string | null
          fulfilment_type?: string
          id?: string
          lead_time_days?: number
          legal_name?: string | null
          minimum_order_cents?: number
          name: string
          notes?: string | null
          phone?: string | null
          status?: string
          updated_at?: string
          website?: string | null
        }
        Update: {
          created_at?: string
          currency?: string
          email?: string | null
          fulfilment_type?: string
          id?: string
          lead_time_days?: number
          legal_name?: string | null
          minimum_order_cents?: number
          name?: string
          notes?: string | null
          phone?: string | null
          status?: string
          updated_at?: string
          website?: string | null
        }
        Relationships: []
      }
      variant_costs: {
        Row: {
          cost_cents: number
          created_at: string
          currency: string
          id: string
          updated_at: string
          variant_id: string
        }
        Insert: {
          cost_cents: number
          created_at?: string
          currency?: string
          id?: string
          updated_at?: string
          variant_id: string
        }
        Update: {
          cost_cents?: number
          created_at?: string
          currency?: string
          id?: string
          updated_at?: string
          variant_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "variant_costs_variant_id_fkey"
            columns: ["variant_id"]
            isOneToOne: true
            referencedRelation: "product_variants"
            referencedColumns: ["id"]
          },
        ]
      }
      warehouses: {
        Row: {
          address: Json
          code: string
          created_at: string
          id: string
          is_active: boolean
          kind: string
          name: string
          supplier_id: string | null
          updated_at: string
        }
        Insert: {
          address?: Json
          code: string
          created_at?: string
          id?: string
          is_active?: boolean
          kind?: string
          name: string
          supplier_id?: string | null
          updated_at?: string
        }
        Update: {
          address?: Json
          code?: string
          created_at?: string
          id?: string
          is_active?: boolean
          kind?: string
          name?: string
          supplier_id?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "warehouses_supplier_id_fkey"
            columns: ["supplier_id"]
            isOneToOne: false
            referencedRelation: "suppliers"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      customer_current_consents: {
        Row: {
          channel: string | null
          customer_id: string | null
          granted: boolean | null
          id: number | null
          purpose: string | null
          recorded_at: string | null
          recorded_by: string | null
          source: string | null
        }
        Relationships: []
      }
      stock_alerts: {
        Row: {
          low_stock_threshold: number | null
          product_id: string | null
          product_name: string | null
          quantity: number | null
          sku: string | null
          variant_id: string | null
        }
        Relationships: []
      }
    }
    Functions: {
      add_customer_identity: {
        Args: {
          customer_id: string
          kind: string
          value: string
          verified?: boolean
        }
        Returns: string
      }
      address: {
        Args: { "": Database["public"]["Tables"]["customer_addresses"]["Row"] }
        Returns: Json
      }
      admin_catalog: {
        Args: Record<PropertyKey, never>
        Returns: Json
      }
      cancel_job: {
        Args: { job_id: string }
        Returns: {
          id: string
          queue: string
          state: string
        }[]
      }
      create_order: {
        Args: { header: Json; items?: Json }
        Returns: {
          channel: string
          channel_reference: string | null
          created_at: string
          created_by: string | null
          currency: string
          customer_id: string | null
          delivery_address_encrypted: string | null
          delivery_date: string | null
          discount_cents: number
          id: string
          notes: string | null
          number: string
          placed_at: string | null
          shipping_cents: number
          shop_id: string
          status: string
          subtotal_cents: number
          tax_cents: number
          total_cents: number
          updated_at: string
          warehouse_id: string | null
        }
      }
      dashboard_anomalies: {
        Args: { as_of?: string; threshold?: number; min_weekly_orders?: number }
        Returns: {
          shop_id: string
          shop_name: string
          currency: string
          recent_revenue_cents: number
          usual_revenue_cents: number
          ratio: number
          recent_orders: number
          usual_orders: number
          recent_start: string
          recent_end: string
        }[]
      }
      dashboard_sales_series: {
        Args: { period_start: string; period_end: string; shop_ids?: string[] }
        Returns: {
          shop_id: string
          shop_name: string
          day: string
          currency: string
          orders: number
          revenue_cents: number
          margin_cents: number
        }[]
      }
      dashboard_stock_alerts: {
        Args: { max_rows?: number }
        Returns: Json
      }
      dashboard_summary: {
        Args: { period_start: string; period_end: string; shop_ids?: string[] }
        Returns: Json
      }
      delivery_address: {
        Args: { target: Database["public"]["Tables"]["orders"]["Row"] }
        Returns: string
      }
      failed_jobs: {
        Args: { queue_name?: string; max_rows?: number }
        Returns: {
          id: string
          queue: string
          payload: Json
          error: Json
          retry_count: number
          retry_limit: number
          created_at: string
          failed_at: string
        }[]
      }
      invoice_order: {
        Args: { order_id: string }
        Returns: string
      }
      issue_invoice: {
        Args: { invoice_id: string }
        Returns: {
          corrects_invoice_id: string | null
          created_at: string
          created_by: string | null
          currency: string
          customer_id: string | null
          customer_snapshot: Json | null
          id: string
          issued_at: string | null
          kind: string
          notes: string | null
          number: string | null
          order_id: string | null
          shop_id: string
          status: string
          subtotal_cents: number
          tax_cents: number
          total_cents: number
          updated_at: string
        }
      }
      job_queue_counts: {
        Args: Record<PropertyKey, never>
        Returns: {
          queue: string
          created: number
          retry: number
          active: number
          completed: number
          cancelled: number
          failed: number
          total: number
        }[]
      }
      merge_customers: {
        Args: { keep: string; merge: string }
        Returns: string
      }
      phone: {
        Args: { "": Database["public"]["Tables"]["customers"]["Row"] }
        Returns: string
      }
      publish_content: {
        Args: { entity_type: string; entity_id: string }
        Returns: number
      }
      restore_content_version: {
        Args: { entity_type: string; entity_id: string; version: number }
        Returns: number
      }
      retry_job: {
        Args: { job_id: string }
        Returns: {
          id: string
          queue: string
          state: string
        }[]
      }
      save_customer_address: {
        Args: {
          customer_id: string
          address: Json
          label?: string
          is_default?: boolean
          address_id?: string
        }
        Returns: string
      }
      set_customer_phone: {
        Args: { customer_id: string; phone: string }
        Returns: string
      }
      set_order_delivery_address: {
        Args: { order_id: string; address: string }
        Returns: undefined
      }
    }
    Enums: {
      member_role: "admin" | "staff" | "marketer" | "supplier"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DefaultSchema = Database[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof Database },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof Database
  }
    ? keyof (Database[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        Database[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = DefaultSchemaTableNameOrOptions extends { schema: keyof Database }
  ? (Database[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      Database[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof Database },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof Database
  }
    ? keyof Database[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends { schema: keyof Database }
  ? Database[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof Database },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof Database
  }
    ? keyof Database[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends { schema: keyof Database }
  ? Database[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof Database },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof Database
  }
    ? keyof Database[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof Database }
  ? Database[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof Database },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof Database
  }
    ? keyof Database[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never,
> = PublicCompositeTypeNameOrOptions extends { schema: keyof Database }
  ? Database[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      member_role: ["admin", "staff", "marketer", "supplier"],
    },
  },
} as const
